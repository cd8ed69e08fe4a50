// The headless client: API- and wire-compatible with `@authing/miniapp-wx` 5.x (contract §3),
// hardened where the seed is weak (§11). Every public method resolves to `[null, data]` or
// `[ErrorData, undefined]` and never rejects or throws; only the constructor throws.
import type {
  AuthingClient, AuthingOptions, BindEmailOptions, BindPhoneOptions, BindWxByCodeOptions, BindWxByCodeResult, DecryptDataOptions,
  DecryptDataResult, DeleteAccountOptions, DeleteAccountRequestOptions, DeleteAccountRequestResult, EncryptType, ErrorData, GetPhoneOptions,
  GetUserInfoOptions, Lang, LoginByCodeOptions, LoginByPassCodeOptions, LoginByPasswordOptions, LoginByPhoneOptions, LoginState, PhoneInfo,
  SDKResponse, SendEmailCodeOptions, SendSmsOptions, SimpleResponseData, UpdateAvatarOptions, UpdateAvatarResult, UpdateEmailOptions,
  UpdateEmailRequestOptions, UpdateEmailRequestResult, UpdatePasswordOptions, UpdatePhoneOptions, UpdatePhoneRequestOptions,
  UpdatePhoneRequestResult, UpdateUserInfo, UserInfo,
} from './types';
import { resolveOptions, ResolvedOptions } from './options';
import { Http, formEncode, unwrapData } from './http';
import { fail, guard, invalidArgument, kitError, ok, platformError, readErrMsg, Result } from './errors';
import { checkLoginState, computeExpiresAt, hasToken, isLive, KitMarker, LoginStateStore, publicState, StoredState } from './login-state';
import { sessionSync, SessionSync, settled, tracked } from './session-sync';
import { revokeTokens, tokensOf, tokensToRevoke } from './revocation';
import {
  Checked, checkBindEmail, checkBindPhone, checkBindWx, checkCodeLogin, checkDecryptData, checkDeleteAccountRequest, checkGetPhone, checkPassCodeLogin,
  checkPasswordLogin, checkPhoneLogin, checkSendEmailCode, checkSendSms, checkToken, checkUpdateEmailRequest, checkUpdatePassword,
  checkUpdatePhoneRequest, checkUpdateUserInfo, checkUserInfoQuery, shown, UserData,
} from './input';
import { forgetPublicKeys, getPublicKey, isKeyMismatch, KeyType } from './public-key';
import { prepareEncryption } from './crypto/entropy';
import { freshCode, loginWithFreshCode } from './wechat-login';
import { checkImage, DEFAULT_MAX_AVATAR, pickImage, uploadAvatar } from './avatar';
import { withoutSecrets } from './redact';
import { jsonArgument } from './json-argument';

type Json = Record<string, unknown>;

/** A wx.login code with its optional user data; '' when absent, exactly as the seed sends it. */
function wxLoginInfo(code: string, ud?: UserData): Json {
  return { encryptedData: (ud && ud.encryptedData) || '', iv: (ud && ud.iv) || '', code };
}

export class Authing implements AuthingClient {
  readonly options: AuthingClient['options'];
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
    this.http = new Http(this.config);
    this.store = new LoginStateStore(this.config.platform, appId, lang);
  }

  private get lang(): Lang {
    return this.config.lang;
  }

  /** Runs a method body; any throw or rejection (storage, platform, bug) becomes `[error]`. */
  private run<T>(body: () => Promise<Result<T>>): SDKResponse<T> {
    return guard(this.lang, body);
  }

  private checked<T>(checked: Checked<T>): Result<T> {
    return checked.problem ? fail(invalidArgument(this.lang, checked.problem)) : ok(checked.value as T);
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

  /** Saves a fresh token set from a login; the marker records which login produced it. */
  private async saveTokens(tokens: Json, marker: KitMarker | undefined): Promise<Result<LoginState>> {
    const expiresAt = computeExpiresAt(tokens, Date.now());
    // A token field that is not a string (e.g. `access_token: []` beside a valid id_token) is a bad answer, never stored.
    if (checkLoginState(tokens) || expiresAt === undefined) return fail(kitError(this.lang, 'bad_response', 'badResponse'));
    const stored = { ...tokens, expires_at: expiresAt } as StoredState;
    if (marker) stored._kit = marker;
    try {
      await this.store.write(stored);
    } catch (err) {
      return fail(withoutSecrets(this.lang, platformError(this.lang, err, 'platform'), tokens));
    }
    return ok(publicState(stored));
  }

  /** A login answer (envelope) → saved state. */
  private async finishLogin(result: Result<Json>, marker: KitMarker): Promise<Result<LoginState>> {
    const [err, json] = result;
    if (err) return fail(err);
    const data = unwrapData(json!);
    if (!hasToken(data)) return fail(kitError(this.lang, 'bad_response', 'badResponse'));
    return this.saveTokens(data, marker);
  }

  /** Auth-gated calls: the stored access token, or why there is none. */
  private async accessToken(): Promise<Result<string>> {
    const [err, state] = await this.store.readValid();
    if (err) return fail(err);
    const token = state!.access_token;
    return typeof token === 'string' && token ? ok(token) : fail(kitError(this.lang, 'not_logged_in', 'notLoggedIn'));
  }

  // ---- encryption --------------------------------------------------------------------------

  getPublicKey(type: 'rsa' | 'sm2'): SDKResponse<string> {
    return this.run(async () => {
      if (type !== 'rsa' && type !== 'sm2') return fail(kitError(this.lang, 'invalid_argument', 'invalidEncryptType', { type: shown(type) }));
      return getPublicKey(this.http, this.config.host, type, this.lang);
    });
  }

  /** Encrypts each value with the server's key, or returns them as they are for 'none'. */
  private async encrypt(values: string[], type: EncryptType | undefined): Promise<Result<string[]>> {
    if (!type || type === 'none') return ok(values);
    const encryptFunction = this.config.encryptFunction;
    if (!encryptFunction) return fail(kitError(this.lang, 'encrypt', 'encryptFunctionMissing'));
    const [keyErr, publicKey] = await getPublicKey(this.http, this.config.host, type as KeyType, this.lang);
    if (keyErr) return fail(keyErr);
    const encryptError = (err?: unknown): ErrorData => {
      const error = kitError(this.lang, 'encrypt', 'encrypt');
      const detail = readErrMsg(err);
      if (detail) error.errMsg = detail;
      return error;
    };
    let entropyError: unknown;
    try {
      // Fill the secure random pool the kit's encryptors draw from (sync API, async randomness).
      await prepareEncryption(this.config.platform);
    } catch (err) {
      // Not fatal by itself: a custom encryptFunction may not need the pool. The kit's own
      // encryptors throw below if it is short, and this cause is reported then.
      entropyError = err;
    }
    const out: string[] = [];
    for (const value of values) {
      let cipher: unknown;
      try {
        cipher = encryptFunction(value, publicKey!);
      } catch (err) {
        // The encryptor's own text may quote the plaintext it was given: only the platform's is kept.
        return fail(encryptError(entropyError));
      }
      // The seed's RSA helper returned false on failure and sent the string "false".
      if (typeof cipher !== 'string' || !cipher || cipher === 'false') return fail(encryptError());
      out.push(cipher);
    }
    return ok(out);
  }

  /** After an encrypted call failed because the server could not decrypt: refetch the key next time. */
  private noteEncryptedFailure(error: ErrorData, type: EncryptType | undefined): void {
    if (type && type !== 'none' && isKeyMismatch(error)) forgetPublicKeys(this.config.host);
  }

  // ---- logins ------------------------------------------------------------------------------

  loginByPassword(data: LoginByPasswordOptions): SDKResponse<LoginState> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkPasswordLogin(data));
      if (argErr) return fail(argErr);
      const { payload, options, encryptType } = input!;
      const [encErr, encrypted] = await this.encrypt([payload.password], encryptType);
      if (encErr) return fail(encErr);
      const body: Json = { connection: 'PASSWORD', passwordPayload: { ...payload, password: encrypted![0] } };
      if (options) body.options = options;
      const result = await this.http.call({ method: 'POST', path: '/api/v3/signin', app: true, data: body });
      if (result[0]) this.noteEncryptedFailure(result[0], encryptType);
      return this.finishLogin(result, { method: 'password' });
    });
  }

  sendSms(data: SendSmsOptions): SDKResponse<SimpleResponseData> {
    return this.run(async () => {
      const [argErr, body] = this.checked(checkSendSms(data));
      if (argErr) return fail(argErr);
      const [err, json] = await this.http.call({ method: 'POST', path: '/api/v3/send-sms', userPool: true, data: body });
      return err ? fail(err) : ok(json as unknown as SimpleResponseData);
    });
  }

  /** A fresh `wx.login` code (never cached: codes are single-use and rotate the session_key). */
  getLoginCode(): SDKResponse<string> {
    return this.run(() => freshCode(this.config.platform, this.lang));
  }

  sendEmailCode(data: SendEmailCodeOptions): SDKResponse<SimpleResponseData> {
    return this.run(async () => {
      const [argErr, body] = this.checked(checkSendEmailCode(data));
      if (argErr) return fail(argErr);
      const [err, json] = await this.http.call({ method: 'POST', path: '/api/v3/send-email', userPool: true, data: body });
      return err ? fail(err) : ok(json as unknown as SimpleResponseData);
    });
  }

  loginByPassCode(data: LoginByPassCodeOptions): SDKResponse<LoginState> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkPassCodeLogin(data));
      if (argErr) return fail(argErr);
      const body: Json = { connection: 'PASSCODE', passCodePayload: input!.payload };
      if (input!.options) body.options = input!.options;
      const result = await this.http.call({ method: 'POST', path: '/api/v3/signin', app: true, data: body });
      return this.finishLogin(result, { method: 'passcode' });
    });
  }

  /**
   * A stored state is reused by a code/phone login only when it is valid AND was produced by
   * the same login method with the same identity source; otherwise we log in (the seed returned
   * any cached state, even one from a password login of another user).
   */
  private async reusableState(marker: KitMarker): Promise<LoginState | undefined> {
    try {
      const [err, state] = await this.store.readValid();
      const kit = state && state._kit;
      if (!err && kit && kit.method === marker.method && kit.source === marker.source) return publicState(state!);
    } catch (e) {
      // unreadable storage: just log in
    }
    return undefined;
  }

  loginByCode(data: LoginByCodeOptions): SDKResponse<LoginState> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkCodeLogin(data));
      if (argErr) return fail(argErr);
      const { extIdpConnidentifier, userData, options } = input!;
      const marker: KitMarker = { method: 'wechat_mini_program_code', source: extIdpConnidentifier };
      const cached = await this.reusableState(marker);
      if (cached) return ok(cached);
      const result = await loginWithFreshCode(this.config.platform, this.lang, userData, (code, ud?: UserData) => {
        const body: Json = {
          connection: 'wechat_mini_program_code',
          extIdpConnidentifier,
          wechatMiniProgramCodePayload: wxLoginInfo(code, ud),
        };
        if (options) body.options = options;
        return this.http.call({ method: 'POST', path: '/api/v3/signin-by-mobile', app: true, data: body });
      });
      return this.finishLogin(result, marker);
    });
  }

  loginByPhone(data: LoginByPhoneOptions): SDKResponse<LoginState> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkPhoneLogin(data));
      if (argErr) return fail(argErr);
      const { extIdpConnidentifier, userData, options, phoneCode } = input!;
      const marker: KitMarker = { method: 'wechat_mini_program_code_and_phone', source: extIdpConnidentifier };
      const cached = await this.reusableState(marker);
      if (cached) return ok(cached);
      const result = await loginWithFreshCode(this.config.platform, this.lang, userData, (code, ud?: UserData) => {
        const body: Json = {
          connection: 'wechat_mini_program_code_and_phone',
          extIdpConnidentifier,
          wechatMiniProgramCodeAndPhonePayload: {
            wxPhoneInfo: { code: phoneCode },
            wxLoginInfo: wxLoginInfo(code, ud),
          },
        };
        if (options) body.options = options;
        return this.http.call({ method: 'POST', path: '/api/v3/signin-by-mobile', app: true, data: body });
      });
      return this.finishLogin(result, marker);
    });
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

  // ---- WeChat phone ------------------------------------------------------------------------

  getPhone(data: GetPhoneOptions): SDKResponse<PhoneInfo> {
    return this.run(async () => {
      const [argErr, body] = this.checked(checkGetPhone(data));
      if (argErr) return fail(argErr);
      const [err, json] = await this.http.call({ method: 'POST', path: '/api/v3/get-wechat-miniprogram-phone', userPool: true, data: body });
      if (err) return fail(err);
      const payload = unwrapData(json!) as Json;
      // The seed reads data.phone_info; the Java DTO puts the fields in data directly (contract §7).
      const info = (payload && typeof payload.phone_info === 'object' && payload.phone_info) || payload;
      if (!info || typeof (info as Json).phoneNumber !== 'string') return fail(kitError(this.lang, 'bad_response', 'badResponse'));
      return ok({ ...(info as Json) } as unknown as PhoneInfo);
    });
  }

  // ---- profile -----------------------------------------------------------------------------

  updatePassword(data: UpdatePasswordOptions): SDKResponse<SimpleResponseData> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkUpdatePassword(data));
      if (argErr) return fail(argErr);
      const [tokenErr, token] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      const { newPassword, oldPassword, encryptType } = input!;
      // Both passwords are encrypted (the seed sent oldPassword in clear under an encrypt type).
      const plain = oldPassword === undefined ? [newPassword] : [newPassword, oldPassword];
      const [encErr, encrypted] = await this.encrypt(plain, encryptType);
      if (encErr) return fail(encErr);
      const body: Json = { newPassword: encrypted![0] };
      if (oldPassword !== undefined) body.oldPassword = encrypted![1];
      if (encryptType) body.passwordEncryptType = encryptType;
      const [err, json] = await this.http.call({ method: 'POST', path: '/api/v3/update-password', userPool: true, token, data: body });
      if (err) {
        this.noteEncryptedFailure(err, encryptType);
        return fail(err);
      }
      return ok(json as unknown as SimpleResponseData);
    });
  }

  getUserInfo(query?: GetUserInfoOptions): SDKResponse<UserInfo> {
    return this.run(async () => {
      const [argErr, params] = this.checked(checkUserInfoQuery(query));
      if (argErr) return fail(argErr);
      const [tokenErr, token] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      const [err, json] = await this.http.call({ method: 'GET', path: '/api/v3/get-profile', userPool: true, token, data: params });
      if (err) return fail(err);
      return ok(unwrapData(json!) as UserInfo);
    });
  }

  updateUserInfo(data: UpdateUserInfo): SDKResponse<UserInfo> {
    return this.run(async () => {
      const [argErr, body] = this.checked(checkUpdateUserInfo(data));
      if (argErr) return fail(argErr);
      const [tokenErr, token] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      const [err, json] = await this.http.call({ method: 'POST', path: '/api/v3/update-profile', userPool: true, token, data: body });
      if (err) return fail(err);
      return ok(unwrapData(json!) as UserInfo);
    });
  }

  /**
   * Picks an image (images only), checks type and size, uploads it with the token, then sets
   * it as the profile photo. A failed profile update is reported, not swallowed.
   */
  updateAvatar(options?: UpdateAvatarOptions): SDKResponse<UpdateAvatarResult> {
    return this.run(async () => {
      const opts = options || {};
      const maxSize = opts.maxSize === undefined ? DEFAULT_MAX_AVATAR : opts.maxSize;
      if (typeof maxSize !== 'number' || !(maxSize > 0)) return fail(kitError(this.lang, 'invalid_argument', 'invalidParam', { name: 'maxSize' }));
      if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
        return fail(kitError(this.lang, 'invalid_argument', 'invalidParam', { name: 'onProgress' }));
      }
      const [tokenErr, token] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      let filePath: string;
      if (opts.filePath !== undefined) {
        if (typeof opts.filePath !== 'string' || !opts.filePath) return fail(kitError(this.lang, 'invalid_argument', 'invalidParam', { name: 'filePath' }));
        // Size unknown for a given path; the type is still checked by extension.
        const problem = checkImage(this.lang, { tempFilePath: opts.filePath, size: 0 }, maxSize);
        if (problem) return fail(problem);
        filePath = opts.filePath;
      } else {
        const [pickErr, file] = await pickImage(this.config.platform, this.lang);
        if (pickErr) return fail(pickErr);
        const problem = checkImage(this.lang, file!, maxSize);
        if (problem) return fail(problem);
        filePath = file!.tempFilePath;
      }
      const onProgress = opts.onProgress;
      const progress = onProgress
        ? (percent: number) => {
            try {
              onProgress(percent);
            } catch (e) {
              // a throwing progress callback must not break the upload
            }
          }
        : undefined;
      const [upErr, upload] = await uploadAvatar(this.config, token!, filePath, progress);
      if (upErr) return fail(upErr);
      const [profileErr, userInfo] = await this.updateUserInfo({ photo: upload!.data.url });
      if (profileErr) return fail(profileErr);
      return ok({ ...upload!, userInfo: userInfo! });
    });
  }

  // ---- account: phone, email, deletion (all auth-gated, headers U + T) ---------------------

  /** An auth-gated POST with headers U + T; `body` was checked before (no request on bad input). */
  private async accountPost(path: string, body: Json, knownToken?: string): Promise<Result<Json>> {
    let token = knownToken;
    if (token === undefined) {
      const [tokenErr, stored] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      token = stored!;
    }
    return this.http.call({ method: 'POST', path, userPool: true, token, data: body });
  }

  /** Calls without `data` (Authing answers CommonResponseDto): the envelope, as the seed returns it. */
  private async simplePost(checked: Checked<Json>, path: string): Promise<Result<SimpleResponseData>> {
    const [argErr, body] = this.checked(checked);
    if (argErr) return fail(argErr);
    const [err, json] = await this.accountPost(path, body!);
    return err ? fail(err) : ok(json as unknown as SimpleResponseData);
  }

  /** A checked verify-*-request: POST it, then read the token named `field` from `data`. */
  private async tokenRequest<T>(checked: Checked<Json>, path: string, field: string): Promise<Result<T>> {
    const [argErr, body] = this.checked(checked);
    if (argErr) return fail(argErr);
    return this.tokenData<T>(await this.accountPost(path, body!), field);
  }

  /** A verify-*-request answer: `data` must carry the token named `field`. */
  private tokenData<T>(result: Result<Json>, field: string): Result<T> {
    const [err, json] = result;
    if (err) return fail(err);
    const data = json!.data as Json | undefined;
    if (!data || typeof data !== 'object' || typeof data[field] !== 'string' || !data[field]) return fail(kitError(this.lang, 'bad_response', 'badResponse'));
    return ok({ ...data } as unknown as T);
  }

  bindPhone(data: BindPhoneOptions): SDKResponse<SimpleResponseData> {
    return this.run(() => this.simplePost(checkBindPhone(data), '/api/v3/bind-phone'));
  }

  bindEmail(data: BindEmailOptions): SDKResponse<SimpleResponseData> {
    return this.run(() => this.simplePost(checkBindEmail(data), '/api/v3/bind-email'));
  }

  updatePhoneRequest(data: UpdatePhoneRequestOptions): SDKResponse<UpdatePhoneRequestResult> {
    return this.run(() => this.tokenRequest<UpdatePhoneRequestResult>(checkUpdatePhoneRequest(data), '/api/v3/verify-update-phone-request', 'updatePhoneToken'));
  }

  updatePhone(data: UpdatePhoneOptions): SDKResponse<SimpleResponseData> {
    return this.run(() => this.simplePost(checkToken(data, 'updatePhoneToken'), '/api/v3/update-phone'));
  }

  updateEmailRequest(data: UpdateEmailRequestOptions): SDKResponse<UpdateEmailRequestResult> {
    return this.run(() => this.tokenRequest<UpdateEmailRequestResult>(checkUpdateEmailRequest(data), '/api/v3/verify-update-email-request', 'updateEmailToken'));
  }

  updateEmail(data: UpdateEmailOptions): SDKResponse<SimpleResponseData> {
    return this.run(() => this.simplePost(checkToken(data, 'updateEmailToken'), '/api/v3/update-email'));
  }

  /** With `passwordEncryptType` rsa/sm2 the password is encrypted like updatePassword's (the seed sent it in clear). */
  deleteAccountRequest(data: DeleteAccountRequestOptions): SDKResponse<DeleteAccountRequestResult> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkDeleteAccountRequest(data));
      if (argErr) return fail(argErr);
      const { password, encryptType } = input!;
      const body: Json = { ...input!.body };
      // The auth gate comes before the public-key fetch and the encryption.
      const [tokenErr, token] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      if (password !== undefined) {
        const [encErr, encrypted] = await this.encrypt([password], encryptType);
        if (encErr) return fail(encErr);
        const passwordPayload: Json = { password: encrypted![0] };
        if (encryptType) passwordPayload.passwordEncryptType = encryptType;
        body.passwordPayload = passwordPayload;
      }
      const result = await this.accountPost('/api/v3/verify-delete-account-request', body, token);
      if (result[0]) this.noteEncryptedFailure(result[0], encryptType);
      return this.tokenData<DeleteAccountRequestResult>(result, 'deleteAccountToken');
    });
  }

  /** Deletes the account, then clears the stored login state (its tokens are dead now). */
  deleteAccount(data: DeleteAccountOptions): SDKResponse<SimpleResponseData> {
    return this.run(async () => {
      const [err, res] = await this.simplePost(checkToken(data, 'deleteAccountToken'), '/api/v3/delete-account');
      if (err) return fail(err);
      try {
        await this.store.clear();
      } catch (e) {
        // The account is gone whatever storage says; a leftover state only fails with 401 later.
      }
      return ok(res!);
    });
  }

  // ---- WeChat open data and binding ---------------------------------------------------------

  /**
   * Decrypts WeChat open data with the session_key of `code`. Pass the code that was current when
   * WeChat produced the data: without one the kit takes a fresh `wx.login` code, and that login
   * rotates the session_key, so data produced before this call will usually not decrypt.
   */
  decryptData(data: DecryptDataOptions): SDKResponse<DecryptDataResult> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkDecryptData(data));
      if (argErr) return fail(argErr);
      let code = input!.code;
      if (code === undefined) {
        const [codeErr, fresh] = await freshCode(this.config.platform, this.lang);
        if (codeErr) return fail(codeErr);
        code = fresh!;
      }
      const body: Json = { ...input!.body, code };
      const [err, json] = await this.http.call({ method: 'POST', path: '/api/v3/decrypt-wechat-miniprogram-data', userPool: true, data: body });
      if (err) return fail(err);
      const decrypted = json!.data;
      if (!decrypted || typeof decrypted !== 'object' || Array.isArray(decrypted)) return fail(kitError(this.lang, 'bad_response', 'badResponse'));
      return ok({ ...(decrypted as Json) } as DecryptDataResult);
    });
  }

  /**
   * Binds the WeChat user of a fresh `wx.login` code to the logged-in account. Like the code
   * logins: a code the server rejects is retried once with a new one, and encryptedData/iv that
   * no longer decrypt (our wx.login rotated the session_key) are dropped on one retry.
   */
  bindWxByCode(data?: BindWxByCodeOptions): SDKResponse<BindWxByCodeResult> {
    return this.run(async () => {
      const [argErr, input] = this.checked(checkBindWx(data));
      if (argErr) return fail(argErr);
      const [tokenErr, token] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      const { extIdpConnidentifier, userData, rawData } = input!;
      const result = await loginWithFreshCode(this.config.platform, this.lang, userData, (code, ud?: UserData) => {
        const body: Json = { code };
        if (extIdpConnidentifier !== undefined) body.extIdpConnidentifier = extIdpConnidentifier;
        if (ud) {
          body.encryptedData = ud.encryptedData;
          body.iv = ud.iv;
        }
        // rawData belongs to the same getUserProfile result: dropped with encryptedData on the retry.
        if (rawData !== undefined && (ud || !userData)) body.rawData = rawData;
        return this.http.call({ method: 'POST', path: '/connections/social/wechat-miniprogram/bind', userPool: true, token, data: body });
      });
      const [err, json] = result;
      if (err) return fail(err);
      return ok({ ...(unwrapData(json!) as Json) });
    });
  }

  /** The seed's platform-neutral name; WeChat only here (the Douyin variant is not carried over). */
  bindPlatformByCode(data?: BindWxByCodeOptions): SDKResponse<BindWxByCodeResult> {
    return this.bindWxByCode(data);
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
