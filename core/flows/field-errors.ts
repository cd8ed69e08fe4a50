// Which input a server failure is about, so a form shows it on that input and nowhere else (one failure
// display: inline where there is a field, a toast or notice otherwise).

import type { ErrorData } from '../types';
import type { Problem } from '../validate';

/** A field's inline error: a language-neutral problem the kit found, or the server's failure about that field. */
export type FieldError = Problem | { error: ErrorData };

/**
 * Authing apiCodes that name one input → the field names that input has in the kit's forms, and the
 * component text that words it in the form's language (the server answers in the client's language,
 * which a component's `lang` does not change).
 */
const API_CODE_FIELDS: Record<number, { fields: readonly string[]; text?: string }> = {
  2333: { fields: ['password'], text: 'wrongPassword' }, // account or password wrong: the password is what the user retypes
  2006: { fields: ['password'], text: 'wrongPassword' }, // old password wrong (update-password)
  2034: { fields: ['password'], text: 'wrongPassword' }, // password wrong (verify-delete-account-request)
  2001: { fields: ['code', 'emailCode', 'captcha'], text: 'wrongCode' }, // verification (or captcha) code wrong, used or expired
  3101: { fields: ['phone'], text: 'invalidPhone' }, // malformed phone number
  3104: { fields: ['email'], text: 'invalidEmail' }, // malformed email
  2004: { fields: ['account'], text: 'unknownAccount' }, // unknown account
  6001: { fields: ['code'], text: 'wrongTotp' }, // MFA: authenticator (TOTP) code wrong
  6002: { fields: ['code'], text: 'wrongRecoveryCode' }, // MFA: recovery code wrong or used
  2026: { fields: ['account', 'phone', 'email'], text: 'accountExists' }, // username / phone / email already taken (sign-up)
  2103: { fields: ['password'], text: 'invalidPassword' }, // the server's password policy
};

/** The field among `fields` (those the failed action used) that `error` belongs on, or null. */
export function fieldOfError<F extends string>(error: ErrorData, fields: readonly F[]): F | null {
  const entry = error.apiCode === undefined ? undefined : API_CODE_FIELDS[error.apiCode];
  if (!entry) return null;
  for (const f of entry.fields) if (fields.indexOf(f as F) >= 0) return f as F;
  return null;
}

/**
 * The text key (and its params) that words a field's server failure; null when the apiCode has none
 * (then the server's message is shown).
 * A wrong password with `data.remainCount` says how many tries are left.
 */
export function fieldErrorText(error: ErrorData): { key: string; params?: Record<string, number> } | null {
  const entry = error.apiCode === undefined ? undefined : API_CODE_FIELDS[error.apiCode];
  if (!entry || !entry.text) return null;
  const remain = error.data && error.data.remainCount;
  if (entry.text === 'wrongPassword' && typeof remain === 'number' && remain >= 0) return { key: 'wrongPasswordRemain', params: { remainCount: remain } };
  return { key: entry.text };
}
