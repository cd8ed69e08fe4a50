// WeChat logins (code, code + phone) and the phone number: check + body + call in one place.
// The code comes from the client's CodeKeeper (prepared before the tap, see wechat-login.ts).
import type { GetPhoneOptions, LoginByCodeOptions, LoginByPhoneOptions, LoginState, PhoneInfo, SDKResponse } from '../types';
import type { ClientContext } from '../context';
import { Checked, Json, UserData, checkUserData, copyObject, isObject, param, requiredString } from '../checks';
import { fail, ok } from '../errors';
import { unwrapData } from '../http';
import type { KitMarker } from '../login-state';
import { loginWithFreshCode } from '../wechat-login';
import { keepNickname } from './nickname';

export function checkGetPhone(data: GetPhoneOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'code' } } };
  const code = requiredString(data.code, 'code');
  if (code.problem) return code;
  const idp = requiredString(data.extIdpConnidentifier, 'extIdpConnidentifier');
  if (idp.problem) return idp;
  return { value: { extIdpConnidentifier: idp.value, code: code.value } };
}

export interface CodeLogin {
  extIdpConnidentifier: string;
  userData?: UserData;
  /** getUserProfile's rawData (never sent): its nickName survives a session_key that rotated under encryptedData. */
  rawData?: string;
  options?: Json;
}

/** The optional rawData next to encryptedData/iv. */
function rawDataOf(payload: unknown): Checked<string | undefined> {
  const raw = isObject(payload) ? payload.rawData : undefined;
  if (raw === undefined || raw === null || raw === '') return { value: undefined };
  return typeof raw === 'string' ? { value: raw } : param('rawData');
}

export function checkCodeLogin(data: LoginByCodeOptions): Checked<CodeLogin> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'extIdpConnidentifier' } } };
  const idp = requiredString(data.extIdpConnidentifier, 'extIdpConnidentifier');
  if (idp.problem) return idp;
  if (data.connection !== undefined && data.connection !== 'wechat_mini_program_code') return param('connection');
  const userData = checkUserData(data.wechatMiniProgramCodePayload, 'wechatMiniProgramCodePayload');
  if (userData.problem) return userData;
  const rawData = rawDataOf(data.wechatMiniProgramCodePayload);
  if (rawData.problem) return rawData;
  const options = copyObject(data.options, 'options');
  if (options.problem) return options;
  return { value: { extIdpConnidentifier: idp.value, userData: userData.value, rawData: rawData.value, options: options.value } };
}

export interface PhoneLogin extends CodeLogin {
  phoneCode: string;
}

export function checkPhoneLogin(data: LoginByPhoneOptions): Checked<PhoneLogin> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'extIdpConnidentifier' } } };
  const idp = requiredString(data.extIdpConnidentifier, 'extIdpConnidentifier');
  if (idp.problem) return idp;
  if (data.connection !== undefined && data.connection !== 'wechat_mini_program_code_and_phone') return param('connection');
  const payload = data.wechatMiniProgramCodeAndPhonePayload || data.miniProgramCodeAndPhonePayload;
  const phoneInfo = isObject(payload) ? payload.wxPhoneInfo : undefined;
  const code = requiredString(isObject(phoneInfo) ? phoneInfo.code : undefined, 'code');
  if (code.problem) return code;
  const userData = checkUserData(payload && payload.wxLoginInfo, 'wxLoginInfo');
  if (userData.problem) return userData;
  const rawData = rawDataOf(payload && payload.wxLoginInfo);
  if (rawData.problem) return rawData;
  const options = copyObject(data.options, 'options');
  if (options.problem) return options;
  return { value: { extIdpConnidentifier: idp.value, phoneCode: code.value, userData: userData.value, rawData: rawData.value, options: options.value } };
}

/** A wx.login code with its optional user data; '' when absent, exactly as the seed sends it. */
function wxLoginInfo(code: string, ud?: UserData): Json {
  return { encryptedData: (ud && ud.encryptedData) || '', iv: (ud && ud.iv) || '', code };
}

/** Both code logins: reuse a state from the same login, else code (+ retries) → signin-by-mobile. */
function codeLogin(ctx: ClientContext, input: CodeLogin, marker: KitMarker, payload: (code: string, ud?: UserData) => Json): SDKResponse<LoginState> {
  return ctx.run(async () => {
    const cached = await ctx.reusableState(marker);
    if (cached) return ok(cached);
    let dropped = false;
    const result = await loginWithFreshCode(ctx.codes, input.userData, (code, ud) => {
      dropped = !!input.userData && !ud;
      const body: Json = { connection: marker.method, extIdpConnidentifier: input.extIdpConnidentifier, ...payload(code, ud) };
      if (input.options) body.options = input.options;
      return ctx.call({ method: 'POST', path: '/api/v3/signin-by-mobile', app: true, data: body });
    });
    const saved = await ctx.finishLogin(result, marker);
    // The encrypted profile no longer decrypted (rotated session_key): keep the nickname from rawData.
    if (!saved[0] && dropped && input.rawData) await keepNickname(ctx, saved[1], input.rawData);
    return saved;
  });
}

export function loginByCode(ctx: ClientContext, data: LoginByCodeOptions): SDKResponse<LoginState> {
  const [argErr, input] = ctx.checked(checkCodeLogin(data));
  if (argErr) return Promise.resolve(fail(argErr));
  const marker: KitMarker = { method: 'wechat_mini_program_code', source: input!.extIdpConnidentifier };
  return codeLogin(ctx, input!, marker, (code, ud) => ({ wechatMiniProgramCodePayload: wxLoginInfo(code, ud) }));
}

export function loginByPhone(ctx: ClientContext, data: LoginByPhoneOptions): SDKResponse<LoginState> {
  const [argErr, input] = ctx.checked(checkPhoneLogin(data));
  if (argErr) return Promise.resolve(fail(argErr));
  const marker: KitMarker = { method: 'wechat_mini_program_code_and_phone', source: input!.extIdpConnidentifier };
  return codeLogin(ctx, input!, marker, (code, ud) => ({
    wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: input!.phoneCode }, wxLoginInfo: wxLoginInfo(code, ud) },
  }));
}

export function getPhone(ctx: ClientContext, data: GetPhoneOptions): SDKResponse<PhoneInfo> {
  return ctx.run(async () => {
    const [argErr, body] = ctx.checked(checkGetPhone(data));
    if (argErr) return fail(argErr);
    const [err, json] = await ctx.call({ method: 'POST', path: '/api/v3/get-wechat-miniprogram-phone', userPool: true, data: body });
    if (err) return fail(err);
    const payload = unwrapData(json!) as Json;
    // The seed reads data.phone_info; the Java DTO puts the fields in data directly (contract §7).
    const info = (payload && typeof payload.phone_info === 'object' && payload.phone_info) || payload;
    if (!info || typeof (info as Json).phoneNumber !== 'string') return fail(ctx.error('bad_response', 'badResponse'));
    return ok({ ...(info as Json) } as unknown as PhoneInfo);
  });
}
