// Argument checks and request bodies for each method. Inputs are read, never mutated: every
// body is a fresh object. A check returns a Problem (localized later) or the normalised value.
import type {
  BindEmailOptions, BindPhoneOptions, BindWxByCodeOptions, DecryptDataOptions, DeleteAccountRequestOptions, DeleteAccountVerifyMethod,
  EncryptType, GetPhoneOptions, GetUserInfoOptions, LoginByCodeOptions, LoginByPassCodeOptions, LoginByPasswordOptions,
  LoginByPhoneOptions, EmailChannel, SendEmailCodeOptions, SendSmsOptions, SmsChannel, UpdateEmailRequestOptions, UpdatePasswordOptions,
  UpdatePhoneRequestOptions, UpdateUserInfo,
} from './types';
import {
  Problem, TEXT_MAX, validateBirthdate, validateEmail, validateUsername, validateGender, validatePassword, validatePhone, validateRequired, validateSmsCode, validateText,
} from './validate';
import { jsonArgument } from './json-argument';

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

/** A caller's value as a message shows it: short strings and numbers as they are, anything else by its kind. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 32 ? value.slice(0, 32) + '…' : value;
  if ((typeof value === 'number' && isFinite(value)) || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '<none>' : `<${Array.isArray(value) ? 'array' : typeof value}>`;
}

const param = (name: string): { problem: Problem } => ({ problem: { key: 'invalidParam', params: { name } } });
const tooLong = (field: string, max: number): { problem: Problem } => ({ problem: { key: 'tooLong', params: { field, max } } });

/** A password typed at login (set under any older policy, so no minimum), bounded so a huge paste never leaves the device. */
export const LOGIN_PASSWORD_MAX = 1024;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON copy of a plain options object (see jsonArgument), or undefined; anything else is a Problem. */
function copyObject(value: unknown, name: string): Checked<Json | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!isObject(value)) return param(name);
  return jsonArgument(value, name);
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
  if (problem) return { problem };
  const trimmed = (value as string).trim();
  return trimmed.length > TEXT_MAX ? tooLong(field, TEXT_MAX) : { value: trimmed };
}

export function checkEncryptType(value: unknown): Checked<EncryptType | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (value === 'none' || value === 'rsa' || value === 'sm2') return { value };
  return { problem: { key: 'invalidEncryptType', params: { type: shown(value) } } };
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

export function checkSendEmailCode(data: SendEmailCodeOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'email' } } };
  const problem = validateEmail(data.email);
  if (problem) return { problem };
  if (EMAIL_CHANNELS.indexOf(data.channel) < 0) return { problem: { key: 'invalidChannel', params: { channel: shown(data.channel) } } };
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
  if (data.oldPassword !== undefined && data.oldPassword.length > LOGIN_PASSWORD_MAX) return tooLong('password', LOGIN_PASSWORD_MAX);
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
    const customData = jsonArgument(src.customData, 'customData');
    if (customData.problem) return customData;
    out.customData = customData.value;
  }
  return { value: out };
}

// ---- account: bind / update phone and email, delete, WeChat data ------------------------------

/** A `required` problem reported under another field name (e.g. the current phone); others as they are. */
function renamed(problem: Problem, field: string): Problem {
  return problem.key === 'required' ? { key: 'required', params: { field } } : problem;
}

/** undefined, null and '' mean "not given" for the optional halves of a payload. */
function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

interface PhoneWithCode {
  phoneNumber: string;
  passCode: string;
  /** Only when the caller gave one; validation assumes +86 otherwise (as the server does). */
  phoneCountryCode?: string;
}

/** A phone number checked against its country code, plus a 6-digit code. */
function checkPhoneWithCode(phone: unknown, cc: unknown, code: unknown, names: { phone: string; cc: string; code: string }): Checked<PhoneWithCode> {
  const ccChecked = optionalTrimmed(cc, names.cc);
  if (ccChecked.problem) return ccChecked;
  const phoneProblem = validatePhone(phone, ccChecked.value || '+86');
  if (phoneProblem) return { problem: renamed(phoneProblem, names.phone) };
  const codeProblem = validateSmsCode(code);
  if (codeProblem) return { problem: renamed(codeProblem, names.code) };
  const value: PhoneWithCode = { phoneNumber: String(phone).trim(), passCode: String(code).trim() };
  if (ccChecked.value !== undefined) value.phoneCountryCode = ccChecked.value;
  return { value };
}

/** An email plus a 6-digit code. */
function checkEmailWithCode(email: unknown, code: unknown, names: { email: string; code: string }): Checked<{ email: string; passCode: string }> {
  const emailProblem = validateEmail(email);
  if (emailProblem) return { problem: renamed(emailProblem, names.email) };
  const codeProblem = validateSmsCode(code);
  if (codeProblem) return { problem: renamed(codeProblem, names.code) };
  return { value: { email: String(email).trim(), passCode: String(code).trim() } };
}

/** An opaque token argument (updatePhoneToken, ...): a non-blank string. */
export function checkToken(data: unknown, name: string): Checked<Json> {
  const value = isObject(data) ? data[name] : undefined;
  if (typeof value !== 'string' || value.trim() === '') return param(name);
  return { value: { [name]: value.trim() } };
}

export function checkBindPhone(data: BindPhoneOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'phone' } } };
  const checked = checkPhoneWithCode(data.phoneNumber, data.phoneCountryCode, data.passCode, { phone: 'phone', cc: 'phoneCountryCode', code: 'code' });
  if (checked.problem) return checked;
  return { value: { ...checked.value } };
}

export function checkBindEmail(data: BindEmailOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'email' } } };
  const checked = checkEmailWithCode(data.email, data.passCode, { email: 'email', code: 'code' });
  if (checked.problem) return checked;
  return { value: { ...checked.value } };
}

/** The only verifyMethod of a request, when the caller names one at all. */
function checkFixedMethod(value: unknown, method: string): Problem | null {
  if (value === undefined || value === null || value === method) return null;
  return typeof value === 'string' ? { key: 'invalidVerifyMethod', params: { method: shown(value) } } : { key: 'invalidParam', params: { name: 'verifyMethod' } };
}

export function checkUpdatePhoneRequest(data: UpdatePhoneRequestOptions): Checked<Json> {
  if (!isObject(data) || !isObject(data.phonePassCodePayload)) return { problem: { key: 'required', params: { field: 'phone' } } };
  const methodProblem = checkFixedMethod(data.verifyMethod, 'PHONE_PASSCODE');
  if (methodProblem) return { problem: methodProblem };
  const src = data.phonePassCodePayload as unknown as Json;
  const next = checkPhoneWithCode(src.newPhoneNumber, src.newPhoneCountryCode, src.newPhonePassCode, { phone: 'phone', cc: 'newPhoneCountryCode', code: 'code' });
  if (next.problem) return next;
  const payload: Json = { newPhoneNumber: next.value.phoneNumber, newPhonePassCode: next.value.passCode };
  if (next.value.phoneCountryCode !== undefined) payload.newPhoneCountryCode = next.value.phoneCountryCode;
  // The current phone is verified too when the account has one: its number and code go together.
  if (given(src.oldPhoneNumber) || given(src.oldPhonePassCode)) {
    const old = checkPhoneWithCode(src.oldPhoneNumber, src.oldPhoneCountryCode, src.oldPhonePassCode, { phone: 'oldPhone', cc: 'oldPhoneCountryCode', code: 'oldPhoneCode' });
    if (old.problem) return old;
    payload.oldPhoneNumber = old.value.phoneNumber;
    payload.oldPhonePassCode = old.value.passCode;
    if (old.value.phoneCountryCode !== undefined) payload.oldPhoneCountryCode = old.value.phoneCountryCode;
  }
  return { value: { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: payload } };
}

export function checkUpdateEmailRequest(data: UpdateEmailRequestOptions): Checked<Json> {
  if (!isObject(data) || !isObject(data.emailPassCodePayload)) return { problem: { key: 'required', params: { field: 'email' } } };
  const methodProblem = checkFixedMethod(data.verifyMethod, 'EMAIL_PASSCODE');
  if (methodProblem) return { problem: methodProblem };
  const src = data.emailPassCodePayload as unknown as Json;
  const next = checkEmailWithCode(src.newEmail, src.newEmailPassCode, { email: 'email', code: 'code' });
  if (next.problem) return next;
  const payload: Json = { newEmail: next.value.email, newEmailPassCode: next.value.passCode };
  if (given(src.oldEmail) || given(src.oldEmailPassCode)) {
    const old = checkEmailWithCode(src.oldEmail, src.oldEmailPassCode, { email: 'oldEmail', code: 'oldEmailCode' });
    if (old.problem) return old;
    payload.oldEmail = old.value.email;
    payload.oldEmailPassCode = old.value.passCode;
  }
  return { value: { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: payload } };
}

export const DELETE_ACCOUNT_METHODS: readonly DeleteAccountVerifyMethod[] = ['PHONE_PASSCODE', 'EMAIL_PASSCODE', 'PASSWORD'];

export interface DeleteAccountCheck {
  /** The body without the password payload (added after encryption). */
  body: Json;
  password?: string;
  encryptType?: EncryptType;
}

/** Only the payload of the chosen verifyMethod is sent. */
export function checkDeleteAccountRequest(data: DeleteAccountRequestOptions): Checked<DeleteAccountCheck> {
  if (!isObject(data) || data.verifyMethod === undefined || data.verifyMethod === null) return param('verifyMethod');
  const method = data.verifyMethod;
  if (typeof method !== 'string') return param('verifyMethod');
  if (DELETE_ACCOUNT_METHODS.indexOf(method) < 0) return { problem: { key: 'invalidVerifyMethod', params: { method: shown(method) } } };
  if (method === 'PHONE_PASSCODE') {
    const src = data.phonePassCodePayload as unknown;
    if (!isObject(src)) return { problem: { key: 'required', params: { field: 'phone' } } };
    const checked = checkPhoneWithCode(src.phoneNumber, src.phoneCountryCode, src.passCode, { phone: 'phone', cc: 'phoneCountryCode', code: 'code' });
    if (checked.problem) return checked;
    return { value: { body: { verifyMethod: method, phonePassCodePayload: { ...checked.value } } } };
  }
  if (method === 'EMAIL_PASSCODE') {
    const src = data.emailPassCodePayload as unknown;
    if (!isObject(src)) return { problem: { key: 'required', params: { field: 'email' } } };
    const checked = checkEmailWithCode(src.email, src.passCode, { email: 'email', code: 'code' });
    if (checked.problem) return checked;
    return { value: { body: { verifyMethod: method, emailPassCodePayload: { ...checked.value } } } };
  }
  const src = data.passwordPayload as unknown;
  // The current password, as typed (no trim, no length policy: it was set under older rules maybe).
  if (!isObject(src) || typeof src.password !== 'string' || src.password === '') return { problem: { key: 'required', params: { field: 'password' } } };
  if (src.password.length > LOGIN_PASSWORD_MAX) return tooLong('password', LOGIN_PASSWORD_MAX);
  const type = checkEncryptType(src.passwordEncryptType);
  if (type.problem) return type;
  return { value: { body: { verifyMethod: method }, password: src.password, encryptType: type.value } };
}

export interface DecryptDataCheck {
  body: Json;
  /** undefined: take a fresh wx.login code. */
  code?: string;
}

export function checkDecryptData(data: DecryptDataOptions): Checked<DecryptDataCheck> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'extIdpConnidentifier' } } };
  const idp = requiredString(data.extIdpConnidentifier, 'extIdpConnidentifier');
  if (idp.problem) return idp;
  for (const name of ['encryptedData', 'iv'] as const) {
    if (typeof data[name] !== 'string' || data[name].trim() === '') return param(name);
  }
  let code: string | undefined;
  if (data.code !== undefined && data.code !== null) {
    // '' is refused rather than replaced: the seed's getLoginCode() returned '' on failure.
    if (typeof data.code !== 'string' || data.code.trim() === '') return param('code');
    code = data.code.trim();
  }
  return { value: { body: { extIdpConnidentifier: idp.value, encryptedData: data.encryptedData.trim(), iv: data.iv.trim() }, code } };
}

export interface BindWxCheck {
  extIdpConnidentifier?: string;
  userData?: UserData;
  rawData?: string;
}

/** No argument is fine: only the fresh code is sent then. */
export function checkBindWx(data?: BindWxByCodeOptions): Checked<BindWxCheck> {
  if (data === undefined || data === null) return { value: {} };
  if (!isObject(data)) return param('data');
  const idp = optionalTrimmed(data.extIdpConnidentifier, 'extIdpConnidentifier');
  if (idp.problem) return idp;
  const userData = checkUserData({ encryptedData: data.encryptedData, iv: data.iv }, 'encryptedData');
  if (userData.problem) return userData;
  // rawData is signed byte for byte: sent untrimmed.
  if (data.rawData !== undefined && data.rawData !== null && typeof data.rawData !== 'string') return param('rawData');
  const value: BindWxCheck = {};
  if (idp.value !== undefined) value.extIdpConnidentifier = idp.value;
  if (userData.value) value.userData = userData.value;
  if (typeof data.rawData === 'string' && data.rawData !== '') value.rawData = data.rawData;
  return { value };
}
