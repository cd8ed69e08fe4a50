// Builds ErrorData values. Every message is a readable string: the kit's own failures are
// localized; server failures keep the server's message.
import type { ErrorCode, ErrorData, Lang } from './types';
import type { PlatformError } from './platform/types';
import { translate, MessageKey } from './i18n';
import type { Problem } from './validate';

export type Result<T> = [ErrorData, undefined] | [null, T];

export function ok<T>(value: T): Result<T> {
  return [null, value];
}

export function fail<T = never>(error: ErrorData): Result<T> {
  return [error, undefined];
}

export function kitError(lang: Lang, code: ErrorCode, key: MessageKey, params?: Record<string, string | number>): ErrorData {
  return { code, message: translate(lang, key, params) };
}

export function invalidArgument(lang: Lang, problem: Problem): ErrorData {
  return kitError(lang, 'invalid_argument', problem.key, problem.params);
}

/** A rejected platform call (request fail, login fail, storage fail, picker cancel). */
export function platformError(lang: Lang, err: unknown, kind: 'request' | 'platform'): ErrorData {
  const errMsg = readErrMsg(err);
  if (/cancel/i.test(errMsg)) return { code: 'cancel', message: translate(lang, 'cancel'), errMsg };
  if (kind === 'request') {
    if (/time\s?out/i.test(errMsg)) return { code: 'timeout', message: translate(lang, 'timeout'), errMsg };
    return { code: 'network', message: translate(lang, 'network'), errMsg };
  }
  return { code: 'platform', message: errMsg || translate(lang, 'network'), errMsg };
}

/**
 * The one "logged out" rule: the failure means the user must log in again (no state, an expired one,
 * or one that cannot be renewed). Components and pages show their logged-out view on exactly these.
 */
export function isLoggedOut(error: Pick<ErrorData, 'code'> | null | undefined): boolean {
  const code = error && error.code;
  return code === 'not_logged_in' || code === 'login_expired' || code === 'refresh_expired';
}

export function readErrMsg(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as Partial<PlatformError> & { message?: unknown };
    if (typeof e.errMsg === 'string') return e.errMsg;
    if (typeof e.message === 'string') return e.message;
  }
  return typeof err === 'string' ? err : '';
}

/** An unexpected exception inside the client (storage throwing synchronously, a bug): still a tuple. */
export function unexpected(lang: Lang, err: unknown): ErrorData {
  const errMsg = readErrMsg(err);
  return { code: 'platform', message: errMsg || translate(lang, 'network'), errMsg };
}

/** Runs `body`; any throw or rejection becomes `[error]` so public methods never reject. */
export async function guard<T>(lang: Lang, body: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await body();
  } catch (err) {
    return fail(unexpected(lang, err));
  }
}
