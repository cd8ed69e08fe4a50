// The server's RSA/SM2 public keys, per client and host: in memory, and persisted in the platform
// storage with a TTL so a cold start encrypts without a `/api/v3/system` round trip. Concurrent
// first calls share one fetch. A ciphertext the server could not decrypt drops both copies, so the
// next encrypted call fetches the (rotated) key again.
import type { ErrorData, Lang } from './types';
import type { Http } from './http';
import type { Platform } from './platform/types';
import type { KeyType } from './registry';
import { fail, ok, kitError, Result } from './errors';

export type { KeyType } from './registry';
type Keys = Partial<Record<KeyType, string>>;

/** How long a persisted key is trusted without asking the server (rotation is rare; a mismatch re-fetches). */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;

interface StoredKeys {
  keys: Keys;
  /** ms epoch of the fetch. */
  at: number;
}

export function keyStorageKey(host: string): string {
  return `authing:public-keys:${host}`;
}

/** `{rsa:{publicKey}, sm2:{publicKey}}` top-level (what the seed reads) or inside an envelope's `data`. */
function readKeys(json: Record<string, unknown>): Keys {
  const source = json.rsa || json.sm2 ? json : (json.data as Record<string, unknown> | undefined) || {};
  const keys: Keys = {};
  for (const type of ['rsa', 'sm2'] as KeyType[]) {
    const entry = source[type] as { publicKey?: unknown } | undefined;
    if (entry && typeof entry.publicKey === 'string' && entry.publicKey.trim()) keys[type] = entry.publicKey;
  }
  return keys;
}

export class PublicKeys {
  private memory?: Keys;
  private inflight?: Promise<Result<Keys>>;

  constructor(private readonly http: Http, private readonly platform: Platform, private readonly host: string, private readonly lang: Lang) {}

  /** The key of `type`: memory, else storage (within the TTL), else one `/system` request. */
  async get(type: KeyType): Promise<Result<string>> {
    if (!this.memory || !this.memory[type]) {
      if (!this.inflight) {
        this.inflight = this.load();
        const clear = () => (this.inflight = undefined);
        this.inflight.then(clear, clear);
      }
      const [err, keys] = await this.inflight;
      if (err) return fail({ ...err });
      this.memory = keys!;
    }
    const key = this.memory[type];
    if (!key) return fail<string>(kitError(this.lang, 'bad_response', 'publicKeyMissing', { type: type.toUpperCase() }));
    return ok(key);
  }

  /** Forgets the keys (memory and storage), e.g. after the server could not decrypt with them. */
  forget(): void {
    this.memory = undefined;
    this.platform.removeStorage(keyStorageKey(this.host)).catch(() => undefined);
  }

  private async load(): Promise<Result<Keys>> {
    const stored = await this.platform.getStorage<StoredKeys>(keyStorageKey(this.host)).catch(() => undefined);
    const age = stored && typeof stored.at === 'number' ? Date.now() - stored.at : -1;
    if (stored && stored.keys && age >= 0 && age < KEY_TTL_MS) {
      const keys = readKeys(stored.keys as Record<string, unknown>);
      // a persisted entry from an older shape is ignored
      if (keys.rsa || keys.sm2) return ok(keys);
    }
    const [err, json] = await this.http.call({ method: 'GET', path: '/api/v3/system', kind: 'system' });
    if (err) return fail(err);
    const keys = readKeys(json!);
    const entry: StoredKeys = { keys: { ...keys }, at: Date.now() };
    await this.platform.setStorage(keyStorageKey(this.host), { keys: toStored(keys), at: entry.at }).catch(() => undefined);
    return ok(keys);
  }
}

/** Persisted in the `/system` shape so `readKeys` reads both. */
function toStored(keys: Keys): Record<string, { publicKey: string }> {
  const out: Record<string, { publicKey: string }> = {};
  for (const type of Object.keys(keys) as KeyType[]) out[type] = { publicKey: keys[type] as string };
  return out;
}

/** True when a server error says the encrypted password could not be decrypted. */
export function isKeyMismatch(error: ErrorData): boolean {
  return error.code === 'server' && (error.apiCode === 2102 || /decrypt|解密/i.test(error.message));
}
