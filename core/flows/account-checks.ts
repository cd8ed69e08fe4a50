// The checks of <authing-account>'s dialogs, before any request: which inputs a dialog has for this
// account, and each input's problem (language-neutral; the component words them with its texts). Pure TS.

import { validateEmail, validatePassword, validatePhone, validateSmsCode } from '../validate';
import type { AccountSummary } from './account-summary';

/** The dialogs: one per action. `delete` verifies the owner, then asks for a final confirmation. */
export type AccountDialog = 'password' | 'phone' | 'email' | 'delete';

/** How a deletion is verified (the contract's PASSWORD / PHONE_PASSCODE / EMAIL_PASSCODE). */
export type DeleteMethod = 'password' | 'phone' | 'email';

/**
 * Inputs of the dialogs. `password` is the CURRENT password (a wrong one is apiCode 2006 / 2034, which
 * field-errors.ts puts on `password`); `oldCode` the code sent to the current phone / email, `code` the
 * code sent to the new one (or, for a deletion, to the account's own phone / email).
 */
export type AccountField = 'password' | 'newPassword' | 'confirmPassword' | 'oldCode' | 'phone' | 'email' | 'code';

/** A problem with a text key of the component (core/i18n keys included). */
export interface AccountProblem {
  key: string;
  params?: Record<string, string | number>;
}

/** The deletion methods this account can use, the contract's order: password first when one is set. */
export function deleteMethods(summary: AccountSummary): DeleteMethod[] {
  const out: DeleteMethod[] = [];
  if (summary.passwordSet !== false) out.push('password');
  if (summary.phone) out.push('phone');
  if (summary.email) out.push('email');
  return out;
}

/** The inputs `dialog` shows for this account. */
export function dialogFields(dialog: AccountDialog, summary: AccountSummary, method: DeleteMethod): AccountField[] {
  switch (dialog) {
    case 'password':
      return summary.passwordSet === false ? ['newPassword', 'confirmPassword'] : ['password', 'newPassword', 'confirmPassword'];
    case 'phone':
      return summary.phone ? ['oldCode', 'phone', 'code'] : ['phone', 'code'];
    case 'email':
      return summary.email ? ['oldCode', 'email', 'code'] : ['email', 'code'];
    default:
      return method === 'password' ? ['password'] : ['code'];
  }
}

/** A core problem reported on another input (e.g. `required` of `password` on `newPassword`). */
function on(field: AccountField, problem: AccountProblem | null): AccountProblem | null {
  return problem && problem.key === 'required' ? { key: 'required', params: { field } } : problem;
}

function filled(value: string | undefined): string {
  return (value || '').trim();
}

/** One input's problem, or null. */
export function checkField(field: AccountField, values: Record<string, string>, summary: AccountSummary): AccountProblem | null {
  const value = values[field] || '';
  switch (field) {
    case 'password':
      // The current password, as typed: no policy (it may predate the current one).
      return value ? null : { key: 'required', params: { field } };
    case 'newPassword':
      return on(field, validatePassword(value));
    case 'confirmPassword':
      if (!value) return { key: 'required', params: { field } };
      return value === (values.newPassword || '') ? null : { key: 'passwordMismatch' };
    case 'phone': {
      const problem = validatePhone(value, '+86');
      if (problem) return problem;
      return filled(value) === summary.phone ? { key: 'samePhone' } : null;
    }
    case 'email': {
      const problem = validateEmail(value);
      if (problem) return problem;
      // Only the email dialog has this input: the new address must differ from the current one.
      return filled(value).toLowerCase() === summary.email.toLowerCase() ? { key: 'sameEmail' } : null;
    }
    default:
      return on(field, validateSmsCode(value));
  }
}

/** Every input's problem (an empty object: valid). */
export function checkFields(fields: readonly AccountField[], values: Record<string, string>, summary: AccountSummary): Partial<Record<AccountField, AccountProblem>> {
  const errors: Partial<Record<AccountField, AccountProblem>> = {};
  for (const f of fields) {
    const problem = checkField(f, values, summary);
    if (problem) errors[f] = problem;
  }
  return errors;
}
