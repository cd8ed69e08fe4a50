// Reads (never verifies) a JWT's time claims: only a fallback for the expiry of a token set the server
// sent without `expires_in`. The server remains the judge of a token's validity.
import { jwtClaims } from './claims';

/** A positive finite numeric claim (`exp`, `iat`, seconds), or undefined when the token is not a readable JWT. */
export function jwtTimeClaim(token: unknown, name: 'exp' | 'iat'): number | undefined {
  const payload = jwtClaims(token);
  const value = payload && payload[name];
  return typeof value === 'number' && isFinite(value) && value > 0 ? value : undefined;
}

/** `exp` claim in seconds. */
export function jwtExpiry(token: unknown): number | undefined {
  return jwtTimeClaim(token, 'exp');
}
