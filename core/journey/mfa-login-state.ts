// ASSUMPTION (the wire contract could not confirm it): how the answer of an MFA verify call becomes
// the stored login state. Authing's V2 verify endpoints answer a V2 `User` with `token` (a JWT) and
// `tokenExpiredAt`; no `access_token` / `refresh_token` / `expires_in` is documented. This is the
// one place that decides it, so a tenant that answers differently needs one change here.
import type { Json } from './context';

function lifetimeSeconds(data: Json, now: number): number | undefined {
  const given = Number(data.expires_in ?? data.expire_in);
  if (isFinite(given) && given > 0) return given;
  const at = data.tokenExpiredAt;
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : NaN;
  // Without a usable expiry the kit falls back to the token's JWT `exp` when it saves the state.
  return isFinite(ms) && ms > now ? Math.floor((ms - now) / 1000) : undefined;
}

/**
 * The token set to store after a successful MFA verify, or undefined when the answer has no token.
 * - V3 shape (`access_token`, `id_token?`, `refresh_token?`, `expires_in`): taken as it is.
 * - V2 `User` (`token`, `tokenExpiredAt`): `token` is used as the access token, its lifetime from
 *   `tokenExpiredAt`; an `id_token` / `refresh_token` next to it is kept.
 */
export function mfaLoginState(data: Json, now: number = Date.now()): Json | undefined {
  const access = typeof data.access_token === 'string' && data.access_token ? data.access_token
    : typeof data.token === 'string' && data.token ? data.token : undefined;
  if (!access) return undefined;
  const state: Json = { access_token: access, token_type: typeof data.token_type === 'string' ? data.token_type : 'Bearer' };
  for (const key of ['id_token', 'refresh_token', 'scope']) {
    if (typeof data[key] === 'string' && data[key]) state[key] = data[key];
  }
  const seconds = lifetimeSeconds(data, now);
  if (seconds !== undefined) state.expires_in = seconds;
  return state;
}
