// What every request of a client shares: its options, transport, login-state store, public keys and
// WeChat code keeper, plus the small steps each feature file combines (argument check → body → call
// → answer). Feature files (core/features/*, core/account/*) receive this; the `Authing` class is a
// list of short methods over it. Kept out of the public class so that `authing-miniapp-kit/account`
// can attach methods without widening the class's public surface.
import type { EncryptType, ErrorData, Lang, LoginState, SDKResponse } from './types';
import type { ResolvedOptions } from './options';
import { CallSpec, Http, unwrapData } from './http';
import { fail, guard, invalidArgument, kitError, ok, platformError, readErrMsg, Result } from './errors';
import type { MessageKey } from './i18n';
import { checkLoginState, computeExpiresAt, hasToken, KitMarker, LoginStateStore, publicState, StoredState } from './login-state';
import { withoutSecrets } from './redact';
import { PublicKeys, isKeyMismatch, KeyType } from './public-key';
import { getEncryptor } from './registry';
import { ensureEntropy } from './crypto/entropy';
import { CodeKeeper } from './wechat-login';
import type { Checked } from './checks';

type Json = Record<string, unknown>;

export class ClientContext {
  readonly http: Http;
  readonly store: LoginStateStore;
  readonly keys: PublicKeys;
  readonly codes: CodeKeeper;

  constructor(readonly config: ResolvedOptions) {
    this.http = new Http(config);
    this.store = new LoginStateStore(config.platform, config.appId, config.lang);
    this.keys = new PublicKeys(this.http, config.platform, config.host, config.lang);
    this.codes = new CodeKeeper(config.platform, config.lang);
  }

  get lang(): Lang {
    return this.config.lang;
  }

  /** Runs a method body; any throw or rejection (storage, platform, bug) becomes `[error]`. */
  run<T>(body: () => Promise<Result<T>>): SDKResponse<T> {
    return guard(this.lang, body);
  }

  error(code: NonNullable<ErrorData['code']>, key: MessageKey, params?: Record<string, string | number>): ErrorData {
    return kitError(this.lang, code, key, params);
  }

  platformError(err: unknown, kind: 'request' | 'platform'): ErrorData {
    return platformError(this.lang, err, kind);
  }

  checked<T>(checked: Checked<T>): Result<T> {
    return checked.problem ? fail(invalidArgument(this.lang, checked.problem)) : ok(checked.value as T);
  }

  call(spec: CallSpec): Promise<Result<Json>> {
    return this.http.call(spec);
  }

  /** An auth-gated POST with headers U + T; `token` when the caller already read it. */
  async authPost(path: string, body: Json, token?: string): Promise<Result<Json>> {
    if (token === undefined) {
      const [tokenErr, stored] = await this.accessToken();
      if (tokenErr) return fail(tokenErr);
      token = stored!;
    }
    return this.http.call({ method: 'POST', path, userPool: true, token, data: body });
  }

  /** Auth-gated calls: the stored access token, or why there is none. */
  async accessToken(): Promise<Result<string>> {
    const [err, state] = await this.store.readValid();
    if (err) return fail(err);
    const token = state!.access_token;
    return typeof token === 'string' && token ? ok(token) : fail(this.error('not_logged_in', 'notLoggedIn'));
  }

  /** Saves a fresh token set from a login; the marker records which login produced it. */
  async saveTokens(tokens: Json, marker: KitMarker | undefined): Promise<Result<LoginState>> {
    const expiresAt = computeExpiresAt(tokens, Date.now());
    // A token field that is not a string (e.g. `access_token: []` beside a valid id_token) is a bad answer, never stored.
    if (checkLoginState(tokens) || expiresAt === undefined) return fail(this.error('bad_response', 'badResponse'));
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
  async finishLogin(result: Result<Json>, marker: KitMarker): Promise<Result<LoginState>> {
    const [err, json] = result;
    if (err) return fail(err);
    const data = unwrapData(json!);
    if (!hasToken(data)) return fail(this.error('bad_response', 'badResponse'));
    return this.saveTokens(data, marker);
  }

  /**
   * Everything of an encrypted call that does not depend on the password: the public key (memory,
   * storage or one request), the entropy pool, and the encryptor's own precomputation (SM2's
   * ephemeral point). After it, an encrypted call sends its request in the same event-loop turn.
   */
  async prepareEncryption(type: EncryptType): Promise<Result<true>> {
    if (type !== 'rsa' && type !== 'sm2') return ok(true);
    const encryptor = this.config.encryptFunction ? undefined : getEncryptor(type);
    if (!this.config.encryptFunction && !encryptor) return fail(this.missingEncryptor(type));
    const [keyErr, publicKey] = await this.keys.get(type);
    if (keyErr) return fail(keyErr);
    try {
      await ensureEntropy(this.config.platform);
      if (encryptor && encryptor.prepare) encryptor.prepare(publicKey!);
    } catch (err) {
      return fail(this.encryptError(err));
    }
    return ok(true);
  }

  /** Encrypts each value with the server's key, or returns them as they are for 'none'. */
  async encrypt(values: string[], type: EncryptType | undefined): Promise<Result<string[]>> {
    if (!type || type === 'none') return ok(values);
    // The client's own encryptFunction wins (SDK 5.x), else the registered encryptor of this type.
    const registered = this.config.encryptFunction ? undefined : getEncryptor(type);
    const encryptFunction = this.config.encryptFunction || (registered && registered.encrypt);
    if (!encryptFunction) return fail(this.missingEncryptor(type));
    const [keyErr, publicKey] = await this.keys.get(type);
    if (keyErr) return fail(keyErr);
    let entropyError: unknown;
    try {
      // Sync encryptors draw from this pool; it waits only when the pool is short.
      await ensureEntropy(this.config.platform, values.length * 640);
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
        return fail(this.encryptError(entropyError));
      }
      // The seed's RSA helper returned false on failure and sent the string "false".
      if (typeof cipher !== 'string' || !cipher || cipher === 'false') return fail(this.encryptError());
      out.push(cipher);
    }
    // The prepared SM2 ephemeral was used: prepare the next one after this turn (never reused).
    // Without timers the next call simply computes its own.
    if (registered && registered.prepare && typeof setTimeout === 'function') setTimeout(() => void this.prepareEncryption(type), 0);
    return ok(out);
  }

  /** After an encrypted call failed because the server could not decrypt: refetch the key next time. */
  noteEncryptedFailure(error: ErrorData, type: EncryptType | undefined): void {
    if (type && type !== 'none' && isKeyMismatch(error)) this.keys.forget();
  }

  /**
   * A stored state is reused by a code/phone login only when it is valid AND was produced by
   * the same login method with the same identity source; otherwise we log in (the seed returned
   * any cached state, even one from a password login of another user).
   */
  async reusableState(marker: KitMarker): Promise<LoginState | undefined> {
    try {
      const [err, state] = await this.store.readValid();
      const kit = state && state._kit;
      if (!err && kit && kit.method === marker.method && kit.source === marker.source) return publicState(state!);
    } catch (e) {
      // unreadable storage: just log in
    }
    return undefined;
  }

  private missingEncryptor(type: KeyType): ErrorData {
    return this.error('encrypt', 'encryptFunctionMissing', { type: type.toUpperCase(), module: 'authing-miniapp-kit/crypto/' + type });
  }

  private encryptError(err?: unknown): ErrorData {
    const error = this.error('encrypt', 'encrypt');
    const detail = readErrMsg(err);
    if (detail) error.errMsg = detail;
    return error;
  }
}

const contexts = new WeakMap<object, ClientContext>();

export function bindContext(client: object, context: ClientContext): void {
  contexts.set(client, context);
}

/** The context of a client built by this kit (used by opt-in modules such as `account`). */
export function contextOf(client: object): ClientContext {
  const context = contexts.get(client);
  if (!context) throw new Error('authing-miniapp-kit: not a client of this kit');
  return context;
}
