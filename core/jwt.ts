// Reads (never verifies) a JWT's `exp`: only a fallback for the expiry of a token set the server
// sent without `expires_in`. The server remains the judge of a token's validity.
import { jwtClaims } from './claims';

/** `exp` claim in seconds, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: unknown): number | undefined {
  const payload = jwtClaims(token);
  const exp = payload && payload.exp;
  return typeof exp === 'number' && isFinite(exp) && exp > 0 ? exp : undefined;
}
