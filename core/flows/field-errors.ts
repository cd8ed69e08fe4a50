// Which input a server failure is about, so a form shows it on that input and nowhere else (one failure
// display: inline where there is a field, a toast or notice otherwise).

import type { ErrorData } from '../types';
import type { Problem } from '../validate';

/** A field's inline error: a language-neutral problem the kit found, or the server's failure about that field. */
export type FieldError = Problem | { error: ErrorData };

/** Authing apiCodes that name one input → the field names that input has in the kit's forms. */
const API_CODE_FIELDS: Record<number, readonly string[]> = {
  2333: ['password'], // account or password wrong: the password is what the user retypes
  2006: ['password'], // old password wrong (update-password)
  2001: ['code', 'emailCode'], // verification code wrong, used or expired
  3101: ['phone'], // malformed phone number
  3104: ['email'], // malformed email
  2004: ['account'], // unknown account
};

/** The field among `fields` (those the failed action used) that `error` belongs on, or null. */
export function fieldOfError<F extends string>(error: ErrorData, fields: readonly F[]): F | null {
  const candidates = error.apiCode === undefined ? undefined : API_CODE_FIELDS[error.apiCode];
  if (!candidates) return null;
  for (const f of candidates) if (fields.indexOf(f as F) >= 0) return f as F;
  return null;
}
