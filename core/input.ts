// Argument checks and request bodies for each method. Inputs are read, never mutated: every
// body is a fresh object. A check returns a Problem (localized later) or the normalised value.
import type {
  EncryptType, GetPhoneOptions, GetUserInfoOptions, LoginByCodeOptions, LoginByPassCodeOptions, LoginByPasswordOptions,
  LoginByPhoneOptions, EmailChannel, SendEmailCodeOptions, SendSmsOptions, SmsChannel, UpdatePasswordOptions, UpdateUserInfo,
} from './types';
import {
  Problem, validateBirthdate, validateEmail, validateUsername, validateGender, validatePassword, validatePhone, validateRequired, validateSmsCode, validateText,
} from './validate';

export type Checked<T> = { problem: Problem } | { problem?: undefined; value: T };

type Json = Record<string, unknown>;

export const SMS_CHANNELS: readonly SmsChannel[] = [
  'CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_BIND_PHONE', 'CHANNEL_UNBIND_PHONE', 'CHANNEL_BIND_MFA',
  'CHANNEL_VERIFY_MFA', 'CHANNEL_UNBIND_MFA', 'CHANNEL_COMPLETE_PHONE', 'CHANNEL_IDENTITY_VERIFICATION', 'CHANNEL_DELETE_ACCOUNT',
];

export const EMAIL_CHANNELS: readonly EmailChannel[] = [
  'CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_VERIFY_EMAIL_LINK', 'CHANNEL_UPDATE_EMAIL', 'CHANNEL_BIND_EMAIL',
  'CHANNEL_UNBIND_EMAIL', 'CHANNEL_VERIFY_MFA', 'CHANNEL_UNLOCK_ACCOUNT', 'CHANNEL_COMPLETE_EMAIL', 'CHANNEL_DELETE_ACCOUNT',
];

const param = (name: string): { problem: Problem } => ({ problem: { key: 'invalidParam', params: { name } } });

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A copy of a plain options object, or undefined; anything else is a Problem. */
function copyObject(value: unknown, name: string): Checked<Json | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!isObject(value)) return param(name);
  return { value: { ...value } };
}

/** undefined, '' → absent; otherwise a trimmed string or a Problem. */
function optionalTrimmed(value: unknown, name: string): Checked<string | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (typeof value !== 'string') return param(name);
  const trimmed = value.trim();
  return { value: trimmed === '' ? undefined : trimmed };
}

function requiredString(value: unknown, field: string): Checked<string> {
  const problem = validateRequired(value, field);
  return problem ? { problem } : { value: (value as string).trim() };
}

export function checkEncryptType(value: unknown): Checked<EncryptType | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (value === 'none' || value === 'rsa' || value === 'sm2') return { value };
  return { problem: { key: 'invalidEncryptType', params: { type: String(value) } } };
}

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
    if (checked.value !== undefined) payload[field] = checked.value;
  }
  if (Object.keys(payload).length === 0) return { problem: { key: 'required', params: { field: 'account' } } };
  if (payload.email !== undefined) {
    const problem = validateEmail(payload.email);
    if (problem) return { problem };
  }
  // Passwords are sent as typed (no trim): spaces may be part of them. Login accepts any length.
  if (typeof src.password !== 'string' || src.password === '') return { problem: { key: 'required', params: { field: 'password' } } };
  const options = copyObject(data.options, 'options');
  if (options.problem) return options;
  const type = checkEncryptType(options.value && options.value.passwordEncryptType);
  if (type.problem) return type;
  return { value: { payload: { ...payload, password: src.password }, options: options.value, encryptType: type.value } };
}

export function checkSendSms(data: SendSmsOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'phone' } } };
  const cc = optionalTrimmed(data.phoneCountryCode, 'phoneCountryCode');
  if (cc.problem) return cc;
  const phoneCountryCode = cc.value || '+86';
  const problem = validatePhone(data.phoneNumber, phoneCountryCode);
  if (problem) return { problem };
  if (SMS_CHANNELS.indexOf(data.channel) < 0) return { problem: { key: 'invalidChannel', params: { channel: String(data.channel) } } };
  return { value: { phoneNumber: String(data.phoneNumber).trim(), channel: data.channel, phoneCountryCode } };
}

export function checkSendEmailCode(data: SendEmailCodeOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'email' } } };
  const problem = validateEmail(data.email);
  if (problem) return { problem };
  if (EMAIL_CHANNELS.indexOf(data.channel) < 0) return { problem: { key: 'invalidChannel', params: { channel: String(data.channel) } } };
  return { value: { email: String(data.email).trim(), channel: data.channel } };
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

export function checkGetPhone(data: GetPhoneOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'code' } } };
  const code = requiredString(data.code, 'code');
  if (code.problem) return code;
  const idp = requiredString(data.extIdpConnidentifier, 'extIdpConnidentifier');
  if (idp.problem) return idp;
  return { value: { extIdpConnidentifier: idp.value, code: code.value } };
}

export interface UserData {
  encryptedData?: string;
  iv?: string;
}

function checkUserData(value: unknown, name: string): Checked<UserData | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!isObject(value)) return param(name);
  const enc = optionalTrimmed(value.encryptedData, name + '.encryptedData');
  if (enc.problem) return enc;
  const iv = optionalTrimmed(value.iv, name + '.iv');
  if (iv.problem) return iv;
  // The two travel together; one without the other can never decrypt.
  if ((enc.value === undefined) !== (iv.value === undefined)) return param(name);
  return { value: enc.value === undefined ? undefined : { encryptedData: enc.value, iv: iv.value } };
}

export interface CodeLogin {
  extIdpConnidentifier: string;
  userData?: UserData;
  options?: Json;
}

export function checkCodeLogin(data: LoginByCodeOptions): Checked<CodeLogin> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'extIdpConnidentifier' } } };
  const idp = requiredString(data.extIdpConnidentifier, 'extIdpConnidentifier');
  if (idp.problem) return idp;
  if (data.connection !== undefined && data.connection !== 'wechat_mini_program_code') return param('connection');
  const userData = checkUserData(data.wechatMiniProgramCodePayload, 'wechatMiniProgramCodePayload');
  if (userData.problem) return userData;
  const options = copyObject(data.options, 'options');
  if (options.problem) return options;
  return { value: { extIdpConnidentifier: idp.value, userData: userData.value, options: options.value } };
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
  const options = copyObject(data.options, 'options');
  if (options.problem) return options;
  return { value: { extIdpConnidentifier: idp.value, phoneCode: code.value, userData: userData.value, options: options.value } };
}

export interface PasswordChange {
  newPassword: string;
  oldPassword?: string;
  encryptType?: EncryptType;
}

export function checkUpdatePassword(data: UpdatePasswordOptions): Checked<PasswordChange> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'password' } } };
  const problem = validatePassword(data.newPassword);
  if (problem) return { problem };
  if (data.oldPassword !== undefined && (typeof data.oldPassword !== 'string' || data.oldPassword === '')) {
    return { problem: { key: 'required', params: { field: 'password' } } };
  }
  const type = checkEncryptType(data.passwordEncryptType);
  if (type.problem) return type;
  return { value: { newPassword: data.newPassword, oldPassword: data.oldPassword, encryptType: type.value } };
}

const USER_INFO_FLAGS = ['withCustomData', 'withIdentities', 'withDepartmentIds'] as const;

/** No argument → all three flags false (seed); an object → only its keys. */
export function checkUserInfoQuery(query?: GetUserInfoOptions): Checked<Json> {
  if (query === undefined || query === null) return { value: { withCustomData: false, withIdentities: false, withDepartmentIds: false } };
  if (!isObject(query)) return param('query');
  const out: Json = {};
  for (const key of USER_INFO_FLAGS) {
    const value = (query as Json)[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return param(key);
    out[key] = value;
  }
  return { value: out };
}

const TEXT_FIELDS = ['name', 'nickname', 'externalId', 'country', 'province', 'city', 'address', 'streetAddress', 'postalCode', 'username', 'company'] as const;
/** Avatar URLs from CDNs are often longer than a free-text field. */
const PHOTO_MAX = 1024;

export function checkUpdateUserInfo(data: UpdateUserInfo): Checked<Json> {
  if (!isObject(data)) return param('data');
  const src = data as Json;
  const out: Json = {};
  for (const field of TEXT_FIELDS) {
    if (src[field] === undefined) continue;
    const problem = field === 'username' ? validateUsername(src[field]) : validateText(src[field], field);
    if (problem) return { problem };
    out[field] = src[field];
  }
  if (src.photo !== undefined) {
    const problem = validateText(src.photo, 'photo', PHOTO_MAX);
    if (problem) return { problem };
    out.photo = src.photo;
  }
  if (src.gender !== undefined) {
    const problem = validateGender(src.gender);
    if (problem) return { problem };
    out.gender = src.gender;
  }
  if (src.birthdate !== undefined) {
    const problem = validateBirthdate(src.birthdate);
    if (problem) return { problem };
    out.birthdate = src.birthdate;
  }
  if (src.customData !== undefined) {
    if (!isObject(src.customData)) return param('customData');
    out.customData = { ...src.customData };
  }
  return { value: out };
}
