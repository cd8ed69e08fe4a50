// Account module: WeChat open data (decryptData) and binding WeChat to the logged-in account.
import type { BindWxByCodeOptions, BindWxByCodeResult, DecryptDataOptions, DecryptDataResult, SDKResponse } from '../types';
import type { ClientContext } from '../context';
import type { Json, UserData } from '../checks';
import { fail, ok } from '../errors';
import { unwrapData } from '../http';
import { loginWithFreshCode } from '../wechat-login';
import { checkBindWx, checkDecryptData } from './checks';

/**
 * Decrypts WeChat open data with the session_key of `code`. Pass the code that was current when
 * WeChat produced the data: without one the kit takes a fresh `wx.login` code, and that login
 * rotates the session_key, so data produced before this call will usually not decrypt.
 */
export function decryptData(ctx: ClientContext, data: DecryptDataOptions): SDKResponse<DecryptDataResult> {
  return ctx.run(async () => {
    const [argErr, input] = ctx.checked(checkDecryptData(data));
    if (argErr) return fail(argErr);
    let code = input!.code;
    if (code === undefined) {
      const [codeErr, fresh] = await ctx.codes.fresh();
      if (codeErr) return fail(codeErr);
      code = fresh!;
    }
    const body: Json = { ...input!.body, code };
    const [err, json] = await ctx.call({ method: 'POST', path: '/api/v3/decrypt-wechat-miniprogram-data', userPool: true, data: body });
    if (err) return fail(err);
    const decrypted = json!.data;
    if (!decrypted || typeof decrypted !== 'object' || Array.isArray(decrypted)) return fail(ctx.error('bad_response', 'badResponse'));
    return ok({ ...(decrypted as Json) } as DecryptDataResult);
  });
}

/**
 * Binds the WeChat user of a `wx.login` code (the kept one when prepared, else a fresh one) to the
 * logged-in account. Like the code logins: a code the server rejects is retried once with a new one,
 * and encryptedData/iv that no longer decrypt (the session_key rotated) are dropped on one retry.
 */
export function bindWxByCode(ctx: ClientContext, data?: BindWxByCodeOptions): SDKResponse<BindWxByCodeResult> {
  return ctx.run(async () => {
    const [argErr, input] = ctx.checked(checkBindWx(data));
    if (argErr) return fail(argErr);
    const [tokenErr, token] = await ctx.accessToken();
    if (tokenErr) return fail(tokenErr);
    const { extIdpConnidentifier, userData, rawData } = input!;
    const result = await loginWithFreshCode(ctx.codes, userData, (code, ud?: UserData) => {
      const body: Json = { code };
      if (extIdpConnidentifier !== undefined) body.extIdpConnidentifier = extIdpConnidentifier;
      if (ud) {
        body.encryptedData = ud.encryptedData;
        body.iv = ud.iv;
      }
      // rawData belongs to the same getUserProfile result: dropped with encryptedData on the retry.
      if (rawData !== undefined && (ud || !userData)) body.rawData = rawData;
      return ctx.authPost('/connections/social/wechat-miniprogram/bind', body, token);
    });
    const [err, json] = result;
    if (err) return fail(err);
    return ok({ ...(unwrapData(json!) as Json) });
  });
}
