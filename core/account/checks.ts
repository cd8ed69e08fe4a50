// Argument checks of the account module (bind / update phone and email, password, deletion,
// WeChat data, email codes). Pure: no request, no messages (Problems are localized by the client).
import type {
  BindEmailOptions, BindPhoneOptions, BindWxByCodeOptions, DecryptDataOptions, DeleteAccountRequestOptions, DeleteAccountVerifyMethod,
  EmailChannel, EncryptType, SendEmailCodeOptions, UpdateEmailRequestOptions, UpdatePasswordOptions, UpdatePhoneRequestOptions,
} from '../types';
import type { Problem } from '../validate';
import { validateEmail, validatePassword, validatePhone, validateSmsCode } from '../validate';
import {
  Checked, Json, LOGIN_PASSWORD_MAX, UserData, checkEncryptType, checkUserData, isObject, optionalTrimmed, param, requiredString, shown, tooLong,
} from '../checks';

export const EMAIL_CHANNELS: readonly EmailChannel[] = [
  'CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_VERIFY_EMAIL_LINK', 'CHANNEL_UPDATE_EMAIL', 'CHANNEL_BIND_EMAIL',
  'CHANNEL_UNBIND_EMAIL', 'CHANNEL_VERIFY_MFA', 'CHANNEL_UNLOCK_ACCOUNT', 'CHANNEL_COMPLETE_EMAIL', 'CHANNEL_DELETE_ACCOUNT',
];

export function checkSendEmailCode(data: SendEmailCodeOptions): Checked<Json> {
  if (!isObject(data)) return { problem: { key: 'required', params: { field: 'email' } } };
  const problem = validateEmail(data.email);
  if (problem) return { problem };
  if (EMAIL_CHANNELS.indexOf(data.channel) < 0) return { problem: { key: 'invalidChannel', params: { channel: shown(data.channel) } } };
  return { value: { email: String(data.email).trim(), channel: data.channel } };
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
