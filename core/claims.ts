// The id_token's claims as a UserInfo, so a login needs no get-profile round trip for what the token
// already carries (OIDC standard claims: name, nickname, picture, gender, birthdate, email, phone…).
// Read, never verified: the token came from the server over TLS in the login answer, and only
// display data is taken from it. `getUserInfo()` stays the source of the full profile.
import type { Gender, LoginState, UserInfo } from './types';
import { base64Decode, utf8Decode } from './encoding';

type Json = Record<string, unknown>;

/** The payload of a JWT, or undefined when it is not a readable one. */
export function jwtClaims(token: unknown): Json | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  const bytes = parts.length === 3 ? base64Decode(parts[1]) : null;
  if (!bytes) return undefined;
  try {
    const payload: unknown = JSON.parse(utf8Decode(bytes));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Json) : undefined;
  } catch (e) {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** OIDC gender (`male`/`female`, or Authing's M/F/U) → the profile's M/F/U. */
function gender(v: unknown): Gender | undefined {
  const g = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (g === 'm' || g === 'male') return 'M';
  if (g === 'f' || g === 'female') return 'F';
  return g === 'u' || g === 'unknown' ? 'U' : undefined;
}

/** claim → UserInfo field, for the claims whose names differ. */
const RENAMED: Record<string, string> = { sub: 'userId', picture: 'photo', phone_number: 'phone', preferred_username: 'username', email_verified: 'emailVerified', phone_number_verified: 'phoneVerified' };
const SAME = ['name', 'nickname', 'birthdate', 'email', 'given_name', 'family_name', 'locale', 'zoneinfo', 'website', 'profile'];

/** A UserInfo from the id_token of a login state (or an id_token); undefined without a readable one. */
export function userInfoFromClaims(source: LoginState | string | undefined): UserInfo | undefined {
  const claims = jwtClaims(typeof source === 'string' ? source : source && source.id_token);
  const userId = claims && str(claims.sub);
  if (!claims || !userId) return undefined;
  const info: Json = { userId };
  for (const claim of Object.keys(RENAMED)) {
    const v = claims[claim];
    if (typeof v === 'boolean' || str(v)) info[RENAMED[claim]] = v;
  }
  for (const claim of SAME) if (str(claims[claim])) info[claim] = claims[claim];
  const g = gender(claims.gender);
  if (g) info.gender = g;
  return info as UserInfo;
}
