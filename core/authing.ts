// The headless client: API- and wire-compatible with `@authing/miniapp-wx` 5.x (contract §3),
// hardened where the seed is weak (§11). Every public method resolves to `[null, data]` or
// `[ErrorData, undefined]` and never rejects or throws; only the constructor throws.
// Each request lives in one feature file (core/features/*); rarely used methods are attached by
// `authing-miniapp-kit/account` (core/account.ts).
import type {
  AuthingClient, AuthingOptions, EncryptType, GetPhoneOptions, GetUserInfoOptions, Lang, LoginByCodeOptions, LoginByPassCodeOptions,
  LoginByPasswordOptions, LoginByPhoneOptions, LoginState, PhoneInfo, SDKResponse, SendSmsOptions, SimpleResponseData, UpdateUserInfo, UserInfo,
} from './types';
import { resolveOptions, ResolvedOptions } from './options';
import { Http, formEncode } from './http';
import { fail, guard, invalidArgument, kitError, ok, Result } from './errors';
import { checkLoginState, computeExpiresAt, hasToken, isLive, KitMarker, LoginStateStore, publicState, StoredState } from './login-state';
import { sessionSync, SessionSync, settled, tracked } from './session-sync';
import { revokeTokens, tokensOf, tokensToRevoke } from './revocation';
import { jsonArgument } from './json-argument';
import { ClientContext, bindContext } from './context';
import { shown } from './checks';
import { loginByPassword } from './features/password';
import { loginByPassCode, sendSms } from './features/passcode';
import { getPhone, loginByCode, loginByPhone } from './features/wechat';
import { getUserInfo, updateUserInfo } from './features/profile';

type Json = Record<string, unknown>;

export class Authing implements AuthingClient {
  readonly options: AuthingClient['options'];
  private readonly ctx: ClientContext;
  private readonly config: ResolvedOptions;
  private readonly http: Http;
  private readonly store: LoginStateStore;
  /** The refresh in flight: concurrent refreshToken() calls share it (one request). */
  private refreshing?: Promise<Result<LoginState>>;

  constructor(options: AuthingOptions) {
    // No side effects here (the seed fired an un-awaited wx.login): validation only.
    this.config = resolveOptions(options);
    const { appId, userPoolId, host, timeout, lang, platform } = this.config;
    this.options = Object.freeze({ appId, userPoolId, host, timeout, lang, platform });
    this.ctx = new ClientContext(this.config);
    this.http = this.ctx.http;
    this.store = this.ctx.store;
    bindContext(this, this.ctx);
  }

  private get lang(): Lang {
    return this.config.lang;
  }

  /** Runs a method body; any throw or rejection (storage, platform, bug) becomes `[error]`. */
  private run<T>(body: () => Promise<Result<T>>): SDKResponse<T> {
    return guard(this.lang, body);
  }

  // ---- login state -------------------------------------------------------------------------

  getLoginState(): SDKResponse<LoginState> {
    return this.run(async () => {
      const [err, state] = await this.store.readValid();
      return err ? fail(err) : ok(publicState(state!));
    });
  }

  /** Stores a token set (e.g. from your own server). `expires_at` is computed unless given. */
  saveLoginState(state: Omit<LoginState, 'expires_at'> & { expires_at?: number }): SDKResponse<LoginState> {
    return this.run(async () => {
      // Stored as JSON: what cannot be (BigInt, cycles) is refused, what can is stored as it reads back.
      const copy = jsonArgument(state, 'loginState');
      const problem = copy.problem || checkLoginState(copy.value);
      if (problem) return fail(invalidArgument(this.lang, problem));
      const tokens = copy.value!;
      const given = tokens.expires_at;
      const expiresAt = typeof given === 'number' && isFinite(given) ? given : computeExpiresAt(tokens, Date.now());
      if (expiresAt === undefined) return fail(kitError(this.lang, 'invalid_argument', 'invalidParam', { name: 'expires_in' }));
      const stored = { ...tokens, expires_at: expiresAt } as StoredState;
      await this.store.write(stored);
      return ok(publicState(stored));
    });
  }

  clearLoginState(): SDKResponse<boolean> {
    return this.run(async () => {
      await this.store.clear();
      return ok(true);
    });
  }

  private saveTokens(tokens: Json, marker: KitMarker | undefined): Promise<Result<LoginState>> {
    return this.ctx.saveTokens(tokens, marker);
  }

  // ---- before the tap ----------------------------------------------------------------------

  getPublicKey(type: 'rsa' | 'sm2'): SDKResponse<string> {
    return this.run(async () => {
      if (type !== 'rsa' && type !== 'sm2') return fail(kitError(this.lang, 'invalid_argument', 'invalidEncryptType', { type: shown(type) }));
      return this.ctx.keys.get(type);
    });
  }

  /**
   * Prepares what an encrypted password call needs besides the password (public key, entropy, the
   * encryptor's precomputation), so the call sends its request at the tap. Call it when a password
   * field shows or first receives input. `none` resolves at once.
   */
  prepareEncryption(type: EncryptType): SDKResponse<true> {
    return this.run(async () => {
      if (type !== 'none' && type !== 'rsa' && type !== 'sm2') return fail(kitError(this.lang, 'invalid_argument', 'invalidEncryptType', { type: String(type) }));
      return this.ctx.prepareEncryption(type);
    });
  }

  /**
   * Keeps a wx.login code ready (and fresh) for the next loginByCode / loginByPhone; call it when the
   * WeChat tab or phone button shows. Get encryptedData (getUserProfile) after this resolves.
   */
  prepareWechatCode(): SDKResponse<true> {
    return this.run(async () => {
      const [err] = await this.ctx.codes.prepare();
      return err ? fail(err) : ok(true as const);
    });
  }

  /** Stops keeping a code fresh (the WeChat tab / phone button went away). */
  stopWechatCode(): void {
    this.ctx.codes.stop();
  }

  /** A fresh `wx.login` code, outside the kept one (codes are single-use and rotate the session_key). */
  getLoginCode(): SDKResponse<string> {
    return this.run(() => this.ctx.codes.fresh());
  }

  // ---- logins ------------------------------------------------------------------------------

  loginByPassword(data: LoginByPasswordOptions): SDKResponse<LoginState> {
    return loginByPassword(this.ctx, data);
  }

  sendSms(data: SendSmsOptions): SDKResponse<SimpleResponseData> {
    return sendSms(this.ctx, data);
  }

  loginByPassCode(data: LoginByPassCodeOptions): SDKResponse<LoginState> {
    return loginByPassCode(this.ctx, data);
  }

  loginByCode(data: LoginByCodeOptions): SDKResponse<LoginState> {
    return loginByCode(this.ctx, data);
  }

  loginByPhone(data: LoginByPhoneOptions): SDKResponse<LoginState> {
    return loginByPhone(this.ctx, data);
  }

  getPhone(data: GetPhoneOptions): SDKResponse<PhoneInfo> {
    return getPhone(this.ctx, data);
  }

  // ---- profile -----------------------------------------------------------------------------

  getUserInfo(query?: GetUserInfoOptions): SDKResponse<UserInfo> {
    return getUserInfo(this.ctx, query);
  }

  updateUserInfo(data: UpdateUserInfo): SDKResponse<UserInfo> {
    return updateUserInfo(this.ctx, data);
  }

  // ---- tokens ------------------------------------------------------------------------------

  refreshToken(): SDKResponse<LoginState> {
    return this.run(async () => {
      if (!this.refreshing) {
        this.refreshing = this.doRefresh();
        const clear = () => {
          this.refreshing = undefined;
        };
        this.refreshing.then(clear, clear);
      }
      const [err, state] = await this.refreshing;
      // Each caller gets its own copy of the shared answer.
      return err ? fail({ ...err }) : ok({ ...state! });
    });
  }

  /**
   * Works after the access token expired (the seed refused then), keeps the old refresh_token
   * when the answer has none, and leaves the stored state untouched on failure. Coordinated with
   * every Authing on the same stored state (session-sync): one refresh at a time, and a logout wins.
   */
  private doRefresh(): Promise<Result<LoginState>> {
    return guard(this.lang, async () => {
      const sync = sessionSync(this.store.key);
      // A refresh started during a logout waits for it: after a completed logout there is nothing to refresh.
      await settled(sync.logout);
      const seen = await this.store.read();
      while (sync.refresh) await settled(sync.refresh);
      return tracked(sync, 'refresh', this.refreshOnce(sync, seen));
    });
  }

  /** One refresh request; `seen`: the state before waiting for another Authing's refresh. */
  private async refreshOnce(sync: SessionSync, seen: StoredState | undefined): Promise<Result<LoginState>> {
    const state = await this.store.read();
    if (!state) return fail(kitError(this.lang, 'not_logged_in', 'notLoggedIn'));
    // Another Authing on this stored state refreshed while we waited: its answer is ours.
    if (seen && seen.refresh_token !== state.refresh_token && isLive(state, Date.now())) return ok(publicState(state));
    const refreshToken = state.refresh_token;
    if (typeof refreshToken !== 'string' || !refreshToken) return fail(kitError(this.lang, 'refresh_expired', 'refreshExpired'));
    const generation = sync.generation;
    const [err, json] = await this.http.call({
      method: 'POST',
      path: '/oidc/token',
      app: true,
      form: true,
      kind: 'token',
      data: formEncode({ grant_type: 'refresh_token', redirect_uri: '', refresh_token: refreshToken }),
    });
    // A logout that ran meanwhile wins: the answer is not stored, and the tokens it brought are revoked.
    await settled(sync.logout);
    if (sync.generation !== generation) {
      if (json) await revokeTokens(this.http, this.config.appId, tokensOf(json));
      return fail(kitError(this.lang, 'not_logged_in', 'notLoggedIn'));
    }
    if (err) {
      if (err.error !== 'invalid_grant') return fail(err);
      // invalid_grant: expired, used or revoked. Another copy of the kit may have used it first and
      // stored the next one: re-read before telling the user to log in again.
      const now = await this.store.read();
      if (now && now.refresh_token !== refreshToken && isLive(now, Date.now())) return ok(publicState(now));
      return fail({ ...err, code: 'refresh_expired' });
    }
    if (!hasToken(json)) return fail(kitError(this.lang, 'bad_response', 'badResponse'));
    const next: Json = { ...json! };
    if (typeof next.refresh_token !== 'string' || !next.refresh_token) next.refresh_token = refreshToken;
    return this.saveTokens(next, state._kit);
  }

  // ---- logout ------------------------------------------------------------------------------

  /**
   * Revokes the access token (and the refresh token, which outlives it) at
   * `/oidc/token/revocation`, both at once, then clears the state. A 2xx answer counts as revoked
   * (RFC 7009); a network failure, 5xx, OIDC error or Authing error envelope returns the error and
   * keeps the state so the user can retry. A refresh answer arriving after a logout is not stored.
   */
  logout(): SDKResponse<boolean> {
    return this.run(() => {
      const sync = sessionSync(this.store.key);
      return tracked(sync, 'logout', this.doLogout(sync));
    });
  }

  private async doLogout(sync: SessionSync): Promise<Result<boolean>> {
    const revoked: string[] = [];
    // A refresh may store new tokens while the revocations are on the wire: re-read, revoke those too.
    for (let round = 0; round < 3; round++) {
      const tokens = tokensToRevoke(await this.store.read(), Date.now()).filter((t) => revoked.indexOf(t) < 0);
      if (!tokens.length) break;
      const err = await revokeTokens(this.http, this.config.appId, tokens);
      if (err) return fail(err);
      revoked.push(...tokens);
    }
    sync.generation++;
    await this.store.clear();
    return ok(true);
  }
}
