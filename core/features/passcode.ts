// SMS codes and pass-code logins (phone or email + code): check + body + call in one place.
import type { LoginByPassCodeOptions, LoginState, SDKResponse, SendSmsOptions, SimpleResponseData, SmsChannel } from '../types';
import type { ClientContext } from '../context';
import { Checked, Json, copyObject, isObject, optionalTrimmed, shown } from '../checks';
import { fail, ok } from '../errors';
import { validateEmail, validatePhone, validateSmsCode } from '../validate';

export const SMS_CHANNELS: readonly SmsChannel[] = [
  'CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_BIND_PHONE', 'CHANNEL_UNBIND_PHONE', 'CHANNEL_BIND_MFA',
  'CHANNEL_VERIFY_MFA', 'CHANNEL_UNBIND_MFA', 'CHANNEL_COMPLETE_PHONE', 'CHANNEL_IDENTITY_VERIFICATION', 'CHANNEL_DELETE_ACCOUNT',
];

export function checkSendSms(data: SendSmsOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'phone' } } };
  const cc = optionalTrimmed(data.phoneCountryCode, 'phoneCountryCode');
  if (cc.problem) return cc;
  const phoneCountryCode = cc.value || '+86';
  const problem = validatePhone(data.phoneNumber, phoneCountryCode);
  if (problem) return { problem };
  if (SMS_CHANNELS.indexOf(data.channel) < 0) return { problem: { key: 'invalidChannel', params: { channel: shown(data.channel) } } };
  return { value: { phoneNumber: String(data.phoneNumber).trim(), channel: data.channel, phoneCountryCode } };
}

export function checkPassCodeLogin(data: LoginByPassCodeOptions): Checked<{ payload: Json; options?: Json }> {
  if (!isObject(data) || !isObject(data.passCodePayload)) return { problem: { key: 'required', params: { field: 'phone' } } };
  const src = data.passCodePayload;
  const codeProblem = validateSmsCode(src.passCode);
  if (codeProblem) return { problem: codeProblem };
  const payload: Json = { passCode: String(src.passCode).trim() };
  const phone = optionalTrimmed(src.phone, 'phone');
  if (phone.problem) return phone;
  const email = optionalTrimmed(src.email, 'email');
  if (email.problem) return email;
  if (phone.value === undefined && email.value === undefined) return { problem: { key: 'required', params: { field: 'phone' } } };
  if (email.value !== undefined) {
    const problem = validateEmail(email.value);
    if (problem) return { problem };
    payload.email = email.value;
  }
  if (phone.value !== undefined) {
    const cc = optionalTrimmed(src.phoneCountryCode, 'phoneCountryCode');
    if (cc.problem) return cc;
    const phoneCountryCode = cc.value || '+86';
    const problem = validatePhone(phone.value, phoneCountryCode);
    if (problem) return { problem };
    payload.phone = phone.value;
    payload.phoneCountryCode = phoneCountryCode;
  }
  const options = copyObject(data.options, 'options');
  if (options.problem) return options;
  if (options.value && options.value.passwordEncryptType !== undefined) delete options.value.passwordEncryptType;
  return { value: { payload, options: options.value } };
}

export function sendSms(ctx: ClientContext, data: SendSmsOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(async () => {
    const [argErr, body] = ctx.checked(checkSendSms(data));
    if (argErr) return fail(argErr);
    const [err, json] = await ctx.call({ method: 'POST', path: '/api/v3/send-sms', userPool: true, data: body });
    return err ? fail(err) : ok(json as unknown as SimpleResponseData);
  });
}

export function loginByPassCode(ctx: ClientContext, data: LoginByPassCodeOptions): SDKResponse<LoginState> {
  return ctx.run(async () => {
    const [argErr, input] = ctx.checked(checkPassCodeLogin(data));
    if (argErr) return fail(argErr);
    const body: Json = { connection: 'PASSCODE', passCodePayload: input!.payload };
    if (input!.options) body.options = input!.options;
    const result = await ctx.call({ method: 'POST', path: '/api/v3/signin', app: true, data: body });
    return ctx.finishLogin(result, { method: 'passcode' });
  });
}
