// Reads (never verifies) a JWT's `exp`: only a fallback for the expiry of a token set the server
// sent without `expires_in`. The server remains the judge of a token's validity.
import { base64Decode, utf8Decode } from './encoding';

/** `exp` claim in seconds, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: unknown): number | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const bytes = base64Decode(parts[1]);
  if (!bytes) return undefined;
  try {
    const payload: unknown = JSON.parse(utf8Decode(bytes));
    if (payload && typeof payload === 'object') {
      const exp = (payload as { exp?: unknown }).exp;
      if (typeof exp === 'number' && isFinite(exp) && exp > 0) return exp;
    }
  } catch (e) {
    // not JSON: no expiry to read
  }
  return undefined;
}
