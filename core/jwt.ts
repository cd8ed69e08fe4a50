// Reads (never verifies) a JWT's time claims: only a fallback for the expiry of a token set the server
// sent without `expires_in`. The server remains the judge of a token's validity.
import { base64Decode, utf8Decode } from './encoding';

/** A positive finite numeric claim (`exp`, `iat`, seconds), or undefined when the token is not a readable JWT. */
export function jwtTimeClaim(token: unknown, name: 'exp' | 'iat'): number | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const bytes = base64Decode(parts[1]);
  if (!bytes) return undefined;
  try {
    // A payload that is JSON null throws here too: no claim to read.
    const value: unknown = JSON.parse(utf8Decode(bytes))[name];
    if (typeof value === 'number' && isFinite(value) && value > 0) return value;
  } catch (e) {
    // not JSON: no claim to read
  }
  return undefined;
}

/** `exp` claim in seconds. */
export function jwtExpiry(token: unknown): number | undefined {
  return jwtTimeClaim(token, 'exp');
}
