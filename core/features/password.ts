// Password login: check + body + call in one place.
import type { EncryptType, LoginByPasswordOptions, LoginState, SDKResponse } from '../types';
import type { ClientContext } from '../context';
import { Checked, Json, LOGIN_PASSWORD_MAX, checkEncryptType, copyObject, isObject, optionalTrimmed, tooLong } from '../checks';
import { fail } from '../errors';
import { TEXT_MAX, validateEmail } from '../validate';

export interface PasswordLogin {
  payload: Json & { password: string };
  options?: Json;
  encryptType?: EncryptType;
}

export function checkPasswordLogin(data: LoginByPasswordOptions): Checked<PasswordLogin> {
  if (!isObject(data) || !isObject(data.passwordPayload)) return { problem: { key: 'required', params: { field: 'account' } } };
  const src = data.passwordPayload as unknown as Json;
  const payload: Json = {};
  for (const field of ['account', 'email', 'username', 'phone']) {
    const checked = optionalTrimmed(src[field], field);
    if (checked.problem) return checked;
    // The email is bounded by validateEmail below.
    if (checked.value !== undefined && field !== 'email' && checked.value.length > TEXT_MAX) return tooLong(field, TEXT_MAX);
    if (checked.value !== undefined) payload[field] = checked.value;
  }
  if (Object.keys(payload).length === 0) return { problem: { key: 'required', params: { field: 'account' } } };
  if (payload.email !== undefined) {
    const problem = validateEmail(payload.email);
    if (problem) return { problem };
  }
  // Passwords are sent as typed (no trim): spaces may be part of them. Login accepts any length.
  if (typeof src.password !== 'string' || src.password === '') return { problem: { key: 'required', params: { field: 'password' } } };
  if (src.password.length > LOGIN_PASSWORD_MAX) return tooLong('password', LOGIN_PASSWORD_MAX);
  const options = copyObject(data.options, 'options');
  if (options.problem) return options;
  const type = checkEncryptType(options.value && options.value.passwordEncryptType);
  if (type.problem) return type;
  return { value: { payload: { ...payload, password: src.password }, options: options.value, encryptType: type.value } };
}

export function loginByPassword(ctx: ClientContext, data: LoginByPasswordOptions): SDKResponse<LoginState> {
  return ctx.run(async () => {
    const [argErr, input] = ctx.checked(checkPasswordLogin(data));
    if (argErr) return fail(argErr);
    const { payload, options, encryptType } = input!;
    const [encErr, encrypted] = await ctx.encrypt([payload.password], encryptType);
    if (encErr) return fail(encErr);
    const body: Json = { connection: 'PASSWORD', passwordPayload: { ...payload, password: encrypted![0] } };
    if (options) body.options = options;
    const result = await ctx.call({ method: 'POST', path: '/api/v3/signin', app: true, data: body });
    if (result[0]) ctx.noteEncryptedFailure(result[0], encryptType);
    return ctx.finishLogin(result, { method: 'password' });
  });
}
