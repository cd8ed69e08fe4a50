// Input checks shared by the client (before any request) and the components (before calling it).
// Each returns null when the value is acceptable, else a localizable problem.

import type { MessageKey } from './i18n';

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Country calling codes the kit accepts, with the national number pattern used for that code. */
export const COUNTRY_CODES: ReadonlyArray<{ code: string; pattern: RegExp; label: { 'zh-CN': string; 'en-US': string } }> = [
  { code: '+86', pattern: /^1[3-9]\d{9}$/, label: { 'zh-CN': '中国大陆 +86', 'en-US': 'China +86' } },
  { code: '+852', pattern: /^[4-9]\d{7}$/, label: { 'zh-CN': '中国香港 +852', 'en-US': 'Hong Kong +852' } },
  { code: '+853', pattern: /^6\d{7}$/, label: { 'zh-CN': '中国澳门 +853', 'en-US': 'Macau +853' } },
  { code: '+886', pattern: /^9\d{8}$/, label: { 'zh-CN': '中国台湾 +886', 'en-US': 'Taiwan +886' } },
  { code: '+1', pattern: /^[2-9]\d{9}$/, label: { 'zh-CN': '美国/加拿大 +1', 'en-US': 'US/Canada +1' } },
  { code: '+44', pattern: /^7\d{9}$/, label: { 'zh-CN': '英国 +44', 'en-US': 'UK +44' } },
  { code: '+65', pattern: /^[89]\d{7}$/, label: { 'zh-CN': '新加坡 +65', 'en-US': 'Singapore +65' } },
  { code: '+81', pattern: /^[789]0\d{8}$/, label: { 'zh-CN': '日本 +81', 'en-US': 'Japan +81' } },
];

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const USERNAME = /^[A-Za-z0-9_.@-]{1,64}$/;
// Control characters and bidi overrides never belong in a profile field.
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export const PASSWORD_MIN = 6;
export const PASSWORD_MAX = 64;
export const TEXT_MAX = 255;

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

export function validateRequired(value: unknown, field: string): Problem | null {
  return blank(value) ? { key: 'required', params: { field } } : null;
}

export function validateCountryCode(code: string): Problem | null {
  return COUNTRY_CODES.some((c) => c.code === code) ? null : { key: 'invalidCountryCode' };
}

export function validatePhone(phone: unknown, countryCode = '+86'): Problem | null {
  if (blank(phone)) return { key: 'required', params: { field: 'phone' } };
  const entry = COUNTRY_CODES.find((c) => c.code === countryCode);
  if (!entry) return { key: 'invalidCountryCode' };
  return entry.pattern.test(String(phone).trim()) ? null : { key: 'invalidPhone' };
}

export function validateEmail(email: unknown): Problem | null {
  if (blank(email)) return { key: 'required', params: { field: 'email' } };
  const value = String(email).trim();
  return value.length <= 254 && EMAIL.test(value) ? null : { key: 'invalidEmail' };
}

export type AccountKind = 'phone' | 'email' | 'username';

/** Which field of `passwordPayload` an account string belongs in. */
export function accountKind(account: string): AccountKind {
  const value = account.trim();
  if (EMAIL.test(value)) return 'email';
  if (/^1[3-9]\d{9}$/.test(value)) return 'phone';
  return 'username';
}

export function validateAccount(account: unknown): Problem | null {
  if (blank(account)) return { key: 'required', params: { field: 'account' } };
  const value = String(account).trim();
  const kind = accountKind(value);
  if (kind !== 'username') return null;
  return USERNAME.test(value) ? null : { key: 'invalidAccount' };
}

export function validatePassword(password: unknown): Problem | null {
  if (typeof password !== 'string' || password === '') return { key: 'required', params: { field: 'password' } };
  return password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX
    ? null
    : { key: 'invalidPassword', params: { min: PASSWORD_MIN, max: PASSWORD_MAX } };
}

export function validateSmsCode(code: unknown, length = 6): Problem | null {
  if (blank(code)) return { key: 'required', params: { field: 'code' } };
  return new RegExp(`^\\d{${length}}$`).test(String(code).trim()) ? null : { key: 'invalidSmsCode', params: { length } };
}

/** A free-text profile field: optional, at most `max` characters, no control or bidi-override characters. */
export function validateText(value: unknown, field: string, max = TEXT_MAX): Problem | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return { key: 'invalidText', params: { field } };
  if (value.length > max) return { key: 'tooLong', params: { field, max } };
  return UNSAFE_TEXT.test(value) ? { key: 'invalidText', params: { field } } : null;
}

/** A username being set: never blank (the server refuses one), else a free-text field. */
export function validateUsername(value: unknown): Problem | null {
  if (typeof value === 'string' && value.trim() === '') return { key: 'required', params: { field: 'username' } };
  return validateText(value, 'username');
}

export function validateGender(value: unknown): Problem | null {
  return value === undefined || value === 'M' || value === 'F' || value === 'U' ? null : { key: 'invalidGender' };
}

/** `YYYY-MM-DD`, a real calendar date, not after `today` (ms epoch, default now). */
export function validateBirthdate(value: unknown, today: number = Date.now()): Problem | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { key: 'invalidDate' };
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls an impossible day or month (02-30, 13-01, 01-00) into another month.
  if (y < 1900 || date.getUTCMonth() !== m - 1) return { key: 'invalidDate' };
  return date.getTime() > today ? { key: 'futureDate' } : null;
}
