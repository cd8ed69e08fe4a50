// Argument checks and request bodies of the journey methods: a Problem (localized later, before
// any request) or the body to send. Inputs are read, never mutated.
import type { Problem } from '../validate';
import { validateEmail, validatePassword, validatePhone, validateSmsCode, validateText, validateUsername } from '../validate';
import { checkEncryptType, Checked, isObject, param } from '../checks';
import { checkDeleteAccountRequest, checkToken } from '../account/checks';
import { checkUpdateUserInfo } from '../features/profile';
import type { EncryptType, UpdateUserInfo } from '../types';
import type { Json } from './context';
import type { ResetPasswordOptions, SignUpOptions, VerifyResetPasswordRequestOptions } from './types';

const required = (field: string): { problem: Problem } => ({ problem: { key: 'required', params: { field } } });

function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

const trimmed = (value: unknown): string => String(value).trim();

/** SignUpProfileDto fields that update-profile also has: checked by its check. */
const PROFILE_SHARED = ['name', 'nickname', 'photo', 'gender', 'birthdate', 'country', 'address', 'streetAddress', 'postalCode', 'company', 'customData'] as const;
/** The OIDC-style fields only sign-up takes: free text. */
const PROFILE_TEXT = [
  'givenName', 'familyName', 'middleName', 'profile', 'preferredUsername', 'website', 'zoneinfo', 'locale', 'formatted', 'locality', 'region',
] as const;

/** The profile and the completion codes its phone / email need (copied into `options`). */
function checkProfile(src: unknown, options: Json): Checked<Json | undefined> {
  if (src === undefined || src === null) return { value: undefined };
  if (!isObject(src)) return param('profile');
  const shared: Json = {};
  for (const field of PROFILE_SHARED) if (given(src[field])) shared[field] = src[field];
  const common = checkUpdateUserInfo(shared as UpdateUserInfo);
  if (common.problem) return common;
  const out: Json = { ...common.value };
  for (const field of PROFILE_TEXT) {
    if (!given(src[field])) continue;
    const problem = validateText(src[field], field, field === 'website' ? 1024 : undefined);
    if (problem) return { problem };
    out[field] = src[field];
  }
  if (given(src.phone)) {
    const cc = given(src.phoneCountryCode) ? trimmed(src.phoneCountryCode) : '+86';
    const problem = validatePhone(src.phone, cc) || validateSmsCode(options.phonePassCodeForInformationCompletion);
    if (problem) return { problem };
    out.phone = trimmed(src.phone);
    if (given(src.phoneCountryCode)) out.phoneCountryCode = cc;
  }
  if (given(src.email)) {
    const problem = validateEmail(src.email) || validateSmsCode(options.emailPassCodeForInformationCompletion);
    if (problem) return { problem };
    out.email = trimmed(src.email);
  }
  return { value: out };
}

export interface SignUpCheck {
  /** The body with the passwords still in clear; `passwords` lists where they go after encryption. */
  body: Json;
  passwords: string[];
  encryptType?: EncryptType;
}

const OPTION_STRINGS = ['clientIp', 'phonePassCodeForInformationCompletion', 'emailPassCodeForInformationCompletion'] as const;

function checkSignUpOptions(src: unknown): Checked<Json> {
  if (src === undefined || src === null) return { value: {} };
  if (!isObject(src)) return param('options');
  const out: Json = {};
  for (const key of OPTION_STRINGS) {
    if (!given(src[key])) continue;
    if (typeof src[key] !== 'string') return param(key);
    out[key] = trimmed(src[key]);
  }
  if (src.context !== undefined) {
    if (!isObject(src.context)) return param('context');
    out.context = { ...src.context };
  }
  return { value: out };
}

/**
 * PASSWORD: a username or an email plus a password within the policy. PASSCODE: a phone or an
 * email plus a 6-digit code; `options.passwordForPhonePassCode`, when given, within the policy too.
 */
export function checkSignUp(data: SignUpOptions): Checked<SignUpCheck> {
  if (!isObject(data)) return param('connection');
  const type = checkEncryptType(isObject(data.options) ? data.options.passwordEncryptType : undefined);
  if (type.problem) return type;
  const options = checkSignUpOptions(data.options);
  if (options.problem) return options;
  const body: Json = { connection: data.connection };
  const passwords: string[] = [];
  if (data.connection === 'PASSWORD') {
    const src = data.passwordPayload as unknown;
    if (!isObject(src)) return required('username');
    const payload: Json = {};
    if (given(src.username)) {
      const problem = validateUsername(src.username);
      if (problem) return { problem };
      payload.username = trimmed(src.username);
    }
    if (given(src.email)) {
      const problem = validateEmail(src.email);
      if (problem) return { problem };
      payload.email = trimmed(src.email);
    }
    if (payload.username === undefined && payload.email === undefined) return required('username');
    // Sent as typed (no trim): spaces may be part of a password.
    const problem = validatePassword(src.password);
    if (problem) return { problem };
    passwords.push(src.password as string);
    body.passwordPayload = payload;
  } else if (data.connection === 'PASSCODE') {
    const src = data.passCodePayload as unknown;
    if (!isObject(src)) return required('phone');
    const payload: Json = {};
    if (given(src.phone)) {
      const cc = given(src.phoneCountryCode) ? trimmed(src.phoneCountryCode) : '+86';
      const problem = validatePhone(src.phone, cc);
      if (problem) return { problem };
      payload.phone = trimmed(src.phone);
      payload.phoneCountryCode = cc;
    } else if (given(src.email)) {
      const problem = validateEmail(src.email);
      if (problem) return { problem };
      payload.email = trimmed(src.email);
    } else {
      return required('phone');
    }
    const codeProblem = validateSmsCode(src.passCode);
    if (codeProblem) return { problem: codeProblem };
    payload.passCode = trimmed(src.passCode);
    body.passCodePayload = payload;
    const extra = isObject(data.options) ? data.options.passwordForPhonePassCode : undefined;
    if (given(extra)) {
      const problem = validatePassword(extra);
      if (problem) return { problem };
      passwords.push(extra as string);
    }
  } else {
    return param('connection');
  }
  const profile = checkProfile(data.profile, isObject(data.options) ? data.options : {});
  if (profile.problem) return profile;
  if (profile.value) body.profile = profile.value;
  body.options = options.value;
  return { value: { body, passwords, encryptType: type.value } };
}

/** Same payloads as a deletion verified by code (`{phoneNumber, passCode, phoneCountryCode?}` / `{email, passCode}`). */
export function checkVerifyResetPasswordRequest(data: VerifyResetPasswordRequestOptions): Checked<Json> {
  if (!isObject(data)) return param('verifyMethod');
  if (typeof data.verifyMethod === 'string' && data.verifyMethod !== 'PHONE_PASSCODE' && data.verifyMethod !== 'EMAIL_PASSCODE') {
    return { problem: { key: 'invalidVerifyMethod', params: { method: data.verifyMethod } } };
  }
  const checked = checkDeleteAccountRequest(data);
  return checked.problem ? checked : { value: checked.value.body };
}

export interface ResetPasswordCheck {
  password: string;
  passwordResetToken: string;
  encryptType?: EncryptType;
}

export function checkResetPassword(data: ResetPasswordOptions): Checked<ResetPasswordCheck> {
  if (!isObject(data)) return required('password');
  const problem = validatePassword(data.password);
  if (problem) return { problem };
  const token = checkToken(data, 'passwordResetToken');
  if (token.problem) return token;
  const type = checkEncryptType(data.passwordEncryptType);
  if (type.problem) return type;
  return { value: { password: data.password, passwordResetToken: token.value.passwordResetToken as string, encryptType: type.value } };
}
