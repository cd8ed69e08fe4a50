// Turns the callback / promise styles of wx, Taro and uni into one promise shape.
import type { PlatformError } from './types';

export interface Callbacks<R> {
  success?: (res: R) => void;
  fail?: (err: unknown) => void;
}

/** Any failure value → `{errMsg}` so callers can classify it (timeout, cancel...). */
export function toPlatformError(err: unknown, fallback: string): PlatformError {
  if (err && typeof err === 'object') {
    const e = err as { errMsg?: unknown; message?: unknown; errno?: unknown };
    const errMsg = typeof e.errMsg === 'string' ? e.errMsg : typeof e.message === 'string' ? e.message : fallback;
    return typeof e.errno === 'number' ? { errMsg, errno: e.errno } : { errMsg };
  }
  return { errMsg: typeof err === 'string' && err ? err : fallback };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return !!value && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Settles a promise-style result. uni-app under Vue 2 resolves promise-style calls with
 * `[err, res]` instead of rejecting, so a two-element array is unpacked here.
 */
export function unwrapResult<R>(value: unknown, name: string): Promise<R> {
  return Promise.resolve(value).then((res) => {
    if (Array.isArray(res) && res.length === 2 && (res[0] === null || res[0] === undefined || typeof res[0] === 'object')) {
      if (res[0]) throw toPlatformError(res[0], name + ':fail');
      return res[1] as R;
    }
    return res as R;
  }, (err: unknown) => {
    throw toPlatformError(err, name + ':fail');
  });
}

/**
 * Calls `fn(options)` with success/fail callbacks; if the platform instead (or also) returns a
 * promise, that is honoured too — whichever settles first wins. `onTask` receives the returned
 * task object (request / upload tasks) when there is one.
 */
export function invoke<R>(
  fn: (options: Record<string, unknown>) => unknown,
  options: Record<string, unknown>,
  name: string,
  onTask?: (task: unknown) => void,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const fail = (err: unknown) => reject(toPlatformError(err, name + ':fail'));
    let returned: unknown;
    try {
      returned = fn({ ...options, success: (res: R) => resolve(res), fail });
    } catch (e) {
      fail(e);
      return;
    }
    if (isThenable(returned)) unwrapResult<R>(returned, name).then(resolve, reject);
    if (onTask && returned && typeof returned === 'object') onTask(returned);
  });
}

/** Promise-style call (no callbacks), unwrapping uni's Vue 2 `[err, res]` shape. */
export function invokePromise<R>(fn: (options: Record<string, unknown>) => unknown, options: Record<string, unknown>, name: string): Promise<R> {
  try {
    return unwrapResult<R>(fn(options), name);
  } catch (e) {
    return Promise.reject(toPlatformError(e, name + ':fail'));
  }
}

/** Storage "not found" is an empty result, not a failure. */
export function isNotFound(err: unknown): boolean {
  return /not found|not exist|no data|data not found/i.test(toPlatformError(err, '').errMsg);
}

export function toBytes(buffer: unknown, length: number, name: string): Uint8Array {
  // Realms differ in the vm test and on some devices, so check the shape, not instanceof.
  if (buffer && typeof buffer === 'object' && typeof (buffer as ArrayBuffer).byteLength === 'number') {
    const bytes = new Uint8Array(buffer as ArrayBuffer);
    if (bytes.length >= length) return bytes.length === length ? bytes : bytes.slice(0, length);
  }
  throw { errMsg: name + ':fail no random bytes' } as PlatformError;
}
