// A pool of cryptographically secure random bytes for the synchronous encryptFunction.
// WeChat only offers randomness asynchronously (`wx.getRandomValues`) while the seed's
// `encryptFunction(plain, key)` is synchronous, so the client fills this pool first
// (`await prepareEncryption(platform)`) and the encryptors draw from it. It never falls back to
// Math.random: a short pool is an error.
import type { Platform } from '../platform/types';

/** Bytes kept ready: several RSA-4096 paddings (zero bytes are redrawn) plus sm-crypto's seed. */
export const POOL_TARGET = 2048;
/** wx.getRandomValues accepts at most 1024 bytes per call. */
const CHUNK = 1024;

let pool: number[] = [];
let filling: Promise<void> | undefined;

type RandomSource = Pick<Platform, 'getRandomValues'>;

interface WxRandom {
  getRandomValues(options: { length: number; success: (res: { randomValues: ArrayBuffer }) => void; fail: (err: unknown) => void }): void;
}

/** The global `wx.getRandomValues`, when no platform is given. */
function defaultSource(): RandomSource | undefined {
  const w = typeof wx !== 'undefined' ? (wx as unknown as Partial<WxRandom>) : undefined;
  if (!w || typeof w.getRandomValues !== 'function') return undefined;
  const api = w as WxRandom;
  return {
    getRandomValues: (length) =>
      new Promise<Uint8Array>((resolve, reject) => {
        api.getRandomValues({ length, success: (res) => resolve(new Uint8Array(res.randomValues)), fail: reject });
      }),
  };
}

export function availableEntropy(): number {
  return pool.length;
}

/** Adds bytes from a secure source (used by prepareEncryption; also handy for other runtimes). */
export function addEntropy(bytes: ArrayLike<number>): void {
  for (let i = 0; i < bytes.length; i++) pool.push(bytes[i] & 255);
}

/** Fills the pool to at least `minBytes`. Concurrent callers share one fill. */
export function prepareEncryption(platform?: RandomSource, minBytes: number = POOL_TARGET): Promise<void> {
  if (pool.length >= minBytes) return Promise.resolve();
  const source = platform || defaultSource();
  if (!source) return Promise.reject(new Error('prepareEncryption: no secure random source (wx.getRandomValues) available'));
  const run = (filling || Promise.resolve()).then(async () => {
    while (pool.length < minBytes) {
      const want = Math.min(CHUNK, minBytes - pool.length);
      const bytes = await source.getRandomValues(want);
      if (!bytes || bytes.length < want) throw new Error('prepareEncryption: the random source returned too few bytes');
      addEntropy(bytes);
    }
  });
  // Keep the chain alive after a failure so the next call can retry.
  filling = run.then(() => undefined, () => undefined);
  return run;
}

/** Bytes one encryption may draw (RSA-4096 padding with zero-byte redraws; SM2 takes 40). */
export const PER_ENCRYPTION = 640;

/**
 * At least `need` bytes in the pool: waits only when it is short (so a prepared pool adds no event-loop
 * turn), then tops it up to POOL_TARGET in the background for the next call.
 */
export async function ensureEntropy(platform?: RandomSource, need: number = PER_ENCRYPTION): Promise<void> {
  if (pool.length < need) await prepareEncryption(platform, Math.max(need, POOL_TARGET));
  else if (pool.length < POOL_TARGET) prepareEncryption(platform).catch(() => undefined);
}

/** Takes `n` secure random bytes; throws when the pool is short (never uses Math.random). */
export function takeRandomBytes(n: number): Uint8Array {
  if (pool.length < n) {
    throw new Error(`Not enough secure random bytes (${pool.length} < ${n}); await prepareEncryption() before encrypting`);
  }
  const out = new Uint8Array(pool.splice(0, n));
  return out;
}

/** Fills `target` in place from the pool (a `crypto.getRandomValues` stand-in). */
export function fillRandom<T extends ArrayBufferView>(target: T): T {
  const view = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  view.set(takeRandomBytes(view.length));
  return target;
}
