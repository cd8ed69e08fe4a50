// WeChat code logins that work on the first tap.
//
// A wx.login code is single-use, expires after ~5 minutes, and every wx.login rotates the
// session_key the server uses to decrypt encryptedData/iv (contract §4.3). So:
//  1. a fresh code is obtained at call time, never cached and never prefetched;
//  2. if the server still rejects the code (used / expired / unknown), retry once with a new one;
//  3. if encryptedData/iv were passed and the server cannot decrypt them (the session_key was
//     rotated, possibly by our own wx.login in step 1), retry once without them: the login
//     succeeds, only the optional profile data is lost.
import type { ErrorData, Lang } from './types';
import type { Platform } from './platform/types';
import type { UserData } from './input';
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

/**
 * Runs a code login. `send(code, userData)` makes the request; userData is undefined on the
 * retry that drops encryptedData/iv.
 */
export async function loginWithFreshCode(
  platform: Platform,
  lang: Lang,
  userData: UserData | undefined,
  send: (code: string, userData: UserData | undefined) => Promise<Result<Json>>,
): Promise<Result<Json>> {
  let data = userData;
  let codeRetried = false;
  let decryptRetried = false;
  for (;;) {
    const [codeErr, code] = await freshCode(platform, lang);
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
