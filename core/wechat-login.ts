// WeChat code logins that work on the first tap.
//
// A wx.login code is single-use, expires after ~5 minutes, and every wx.login rotates the
// session_key the server uses to decrypt encryptedData/iv (contract §4.3). So:
//  1. a code is taken from the client's CodeKeeper — prepared before the tap (when the WeChat tab or
//     phone button became visible) and refreshed before its life ends, used once — or obtained now;
//  2. if the server still rejects the code (used / expired / unknown), retry once with a new one;
//  3. if encryptedData/iv were passed and the server cannot decrypt them (the session_key was
//     rotated, possibly by our own wx.login in step 1), retry once without them: the login
//     succeeds, only the optional profile data is lost.
import type { ErrorData, Lang } from './types';
import type { Platform } from './platform/types';
import type { UserData } from './checks';
import { fail, ok, platformError, Result } from './errors';
import { translate } from './i18n';

type Json = Record<string, unknown>;

/** The server refused the login code itself (Authing relays WeChat's 40029 / 40163). */
export function isCodeRejected(error: ErrorData): boolean {
  if (error.code !== 'server') return false;
  if (error.apiCode === 3001) return true;
  return /code2session|invalid code|code been used|code.{0,20}(expired|invalid|used)|40029|40163|40226|登录凭证|code\s*(无效|已使用|已过期|过期)/i.test(error.message);
}

/** The server could not decrypt encryptedData/iv with the session_key of this code. */
export function isDecryptFailure(error: ErrorData): boolean {
  if (error.code !== 'server') return false;
  if (error.apiCode === 3002) return true;
  return /encrypteddata|decrypt|解密|41003|-41001|-41002|-41003/i.test(error.message);
}

export async function freshCode(platform: Platform, lang: Lang): Promise<Result<string>> {
  try {
    return ok(await platform.login());
  } catch (err) {
    const error = platformError(lang, err, 'platform');
    return fail(error.code === 'cancel' ? error : { ...error, message: translate(lang, 'loginCode') });
  }
}

/** A wx.login code lives ~5 minutes; a kept code is replaced after this, well before it dies. */
export const CODE_REFRESH_MS = 4 * 60 * 1000;

/**
 * Keeps one wx.login code ready so a WeChat login sends its request at the tap. Encrypted user data
 * (getUserProfile) obtained AFTER the kept code was fetched decrypts with its session_key. Each code
 * is handed out once; a refresh replaces it (and rotates the session_key, as every wx.login does).
 */
export class CodeKeeper {
  private code?: { value: string; at: number };
  private pending?: Promise<Result<string>>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly platform: Platform, private readonly lang: Lang) {}

  /** Fetches a code now unless a fresh one is kept; keeps it fresh until taken or `stop()`. */
  prepare(): Promise<Result<string>> {
    if (this.code && Date.now() - this.code.at < CODE_REFRESH_MS) return Promise.resolve(ok(this.code.value));
    if (!this.pending) {
      const pending: Promise<Result<string>> = freshCode(this.platform, this.lang).then((result) => {
        // Kept only if no login claimed this fetch while it was in flight.
        if (this.pending === pending) {
          this.pending = undefined;
          if (result[1] !== undefined) this.keep(result[1]);
        }
        return result;
      });
      this.pending = pending;
    }
    return this.pending;
  }

  /** The kept code (once) when still fresh, else the fetch in flight (claimed), else a new one. */
  async take(): Promise<Result<string>> {
    const kept = this.code;
    const pending = this.pending;
    this.drop();
    this.pending = undefined;
    if (kept && Date.now() - kept.at < CODE_REFRESH_MS) return ok(kept.value);
    if (pending) {
      const [err, code] = await pending;
      if (!err) return ok(code!);
    }
    return this.fresh();
  }

  /** A new code now, leaving the kept one alone (retries, decryptData, getLoginCode). */
  fresh(): Promise<Result<string>> {
    return freshCode(this.platform, this.lang);
  }

  /** Stops refreshing (the WeChat tab / phone button is no longer shown). */
  stop(): void {
    this.drop();
    this.pending = undefined;
  }

  private keep(value: string): void {
    this.drop();
    this.code = { value, at: Date.now() };
    // Without timers the kept code is still dropped by age in take().
    if (typeof setTimeout !== 'function') return;
    this.timer = setTimeout(() => {
      this.code = undefined;
      void this.prepare();
    }, CODE_REFRESH_MS);
    // Node-based hosts (tests, SSR of previews): a kept code must not hold the process open.
    const timer = this.timer as { unref?: () => void };
    if (typeof timer.unref === 'function') timer.unref();
  }

  private drop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.code = undefined;
  }
}

/**
 * Runs a code login. `send(code, userData)` makes the request; userData is undefined on the
 * retry that drops encryptedData/iv. The first code comes from `codes` (the prepared one).
 */
export async function loginWithFreshCode(
  codes: CodeKeeper,
  userData: UserData | undefined,
  send: (code: string, userData: UserData | undefined) => Promise<Result<Json>>,
): Promise<Result<Json>> {
  let data = userData;
  let codeRetried = false;
  let decryptRetried = false;
  for (let attempt = 0; ; attempt++) {
    const [codeErr, code] = attempt === 0 ? await codes.take() : await codes.fresh();
    if (codeErr) return fail(codeErr);
    const [err, json] = await send(code!, data);
    if (!err) return ok(json!);
    if (!codeRetried && isCodeRejected(err)) {
      codeRetried = true;
      continue;
    }
    if (data && !decryptRetried && isDecryptFailure(err)) {
      decryptRetried = true;
      data = undefined;
      continue;
    }
    return fail(err);
  }
}
