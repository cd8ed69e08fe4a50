// The server's RSA/SM2 public keys, cached per host in memory: an encrypted login after the
// first costs one request instead of two. Concurrent first calls share one fetch.
import type { ErrorData } from './types';
import type { Http } from './http';
import { fail, ok, kitError, Result } from './errors';
import type { Lang } from './types';

export type KeyType = 'rsa' | 'sm2';
type Keys = Partial<Record<KeyType, string>>;

const cache = new Map<string, Keys>();
const inflight = new Map<string, Promise<Result<Keys>>>();

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

async function fetchKeys(http: Http): Promise<Result<Keys>> {
  const [err, json] = await http.call({ method: 'GET', path: '/api/v3/system', kind: 'system' });
  if (err) return fail(err);
  return ok(readKeys(json!));
}

export async function getPublicKey(http: Http, host: string, type: KeyType, lang: Lang): Promise<Result<string>> {
  const cached = cache.get(host);
  if (cached && cached[type]) return ok(cached[type] as string);
  let pending = inflight.get(host);
  if (!pending) {
    pending = fetchKeys(http);
    inflight.set(host, pending);
    pending.then(() => inflight.delete(host), () => inflight.delete(host));
  }
  const [err, keys] = await pending;
  if (err) return fail({ ...err });
  cache.set(host, keys!);
  const key = keys![type];
  if (!key) return fail<string>(kitError(lang, 'bad_response', 'publicKeyMissing', { type: type.toUpperCase() }));
  return ok(key);
}

/** Drops a host's keys, e.g. after the server could not decrypt with them (rotated keys). */
export function forgetPublicKeys(host: string): void {
  cache.delete(host);
}

/** True when a server error says the encrypted password could not be decrypted. */
export function isKeyMismatch(error: ErrorData): boolean {
  return error.code === 'server' && (error.apiCode === 2102 || /decrypt|解密/i.test(error.message));
}
