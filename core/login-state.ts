// Login state persistence under the seed's key so migrating users stay logged in (contract §4).
import type { ErrorData, Lang, LoginState } from './types';
import type { Platform } from './platform/types';
import { jwtTimeClaim } from './jwt';
import { kitError } from './errors';
import type { Problem } from './validate';

/** Clock-skew margin: a token is treated as expired this long before the server says so. */
export const SKEW_MS = 30000;

/** Marker the kit keeps inside the stored state (the seed ignores unknown keys). */
export interface KitMarker {
  /** Which login produced the state: used to decide whether a code login may reuse it. */
  method: string;
  /** extIdpConnidentifier for WeChat logins. */
  source?: string;
}

export type StoredState = LoginState & { _kit?: KitMarker };

export function stateKey(appId: string): string {
  return `authing:${appId}:login-state`;
}

function positive(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && isFinite(n) && n > 0 ? n : undefined;
}

/** Longest lifetime believed (10 years): `expires_in: 1e308` must still give a finite, storable time. */
export const MAX_LIFETIME_MS = 10 * 365 * 24 * 3600 * 1000;

/**
 * A JWT's own lifetime in ms: `exp − iat` (both server clock, so the device clock does not matter),
 * else `exp` − the device clock when the token has no `iat`.
 */
function jwtLifetime(token: unknown, now: number): number | undefined {
  const exp = jwtTimeClaim(token, 'exp');
  if (exp === undefined) return undefined;
  const iat = jwtTimeClaim(token, 'iat');
  return iat !== undefined && iat < exp ? (exp - iat) * 1000 : exp * 1000 - now;
}

/**
 * `expires_at` for a token set that arrived at `now`: now + its lifetime − skew. The lifetime is
 * `expires_in` (or `expire_in`), else the access (or id) token's own `exp − iat`, at most
 * MAX_LIFETIME_MS. The margin never eats more than half the lifetime, so very short tokens (tests,
 * odd servers) are still usable. undefined when nothing says when it expires.
 */
export function computeExpiresAt(tokens: Record<string, unknown>, now: number): number | undefined {
  const seconds = positive(tokens.expires_in) ?? positive(tokens.expire_in);
  let lifetime: number | undefined;
  if (seconds !== undefined) lifetime = seconds * 1000;
  else lifetime = jwtLifetime(tokens.access_token, now) ?? jwtLifetime(tokens.id_token, now);
  if (lifetime === undefined) return undefined;
  lifetime = Math.min(lifetime, MAX_LIFETIME_MS);
  return Math.round(now + lifetime - Math.min(SKEW_MS, Math.max(lifetime, 0) / 2));
}

/** The access token of `state` is still usable at `now` (by the kit's own clock). */
export function isLive(state: StoredState, now: number): boolean {
  return typeof state.expires_at === 'number' && state.expires_at > now;
}

export function hasToken(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (typeof v.access_token === 'string' && v.access_token !== '') || (typeof v.id_token === 'string' && v.id_token !== '');
}

/**
 * A token set given to saveLoginState: an access or id token, and every token field a string, so what
 * is stored reads back the same (storage keeps JSON).
 */
export function checkLoginState(state: unknown): Problem | null {
  const invalid: Problem = { key: 'invalidParam', params: { name: 'loginState' } };
  if (!hasToken(state)) return invalid;
  for (const name of ['access_token', 'id_token', 'refresh_token', 'token_type', 'scope']) {
    const value = state[name];
    if (value !== undefined && typeof value !== 'string') return { key: 'invalidParam', params: { name } };
  }
  return null;
}

/** The state as callers see it: a copy, without the kit's private marker. */
export function publicState(state: StoredState): LoginState {
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(state)) if (k !== '_kit') copy[k] = state[k];
  return copy as LoginState;
}

export class LoginStateStore {
  constructor(private readonly platform: Platform, private readonly appId: string, private readonly lang: Lang) {}

  get key(): string {
    return stateKey(this.appId);
  }

  /** The stored state (valid or not), undefined when there is none. Storage errors propagate. */
  async read(): Promise<StoredState | undefined> {
    const value = await this.platform.getStorage<StoredState>(this.key);
    return hasToken(value) ? (value as StoredState) : undefined;
  }

  /** The stored state if it is still valid, else the reason (not_logged_in / login_expired). */
  async readValid(): Promise<[ErrorData, undefined] | [null, StoredState]> {
    const state = await this.read();
    if (!state) return [kitError(this.lang, 'not_logged_in', 'notLoggedIn'), undefined];
    if (!isLive(state, Date.now())) {
      return [kitError(this.lang, 'login_expired', 'loginExpired'), undefined];
    }
    return [null, state];
  }

  async write(state: StoredState): Promise<void> {
    await this.platform.setStorage(this.key, state);
  }

  async clear(): Promise<void> {
    await this.platform.removeStorage(this.key);
  }
}
