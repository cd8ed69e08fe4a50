// What the forgot-password flow (core/flows/reset-password-flow.ts) checks before each request, what it
// sends, and which of its fields a server failure belongs on. Plain TS, no wx.

import type { Problem } from '../validate';
import { validatePassword, validateSmsCode } from '../validate';
import type { VerifyResetPasswordRequestOptions } from '../journey/types';
import type { ErrorData } from '../types';
import { CODE_CHANNELS } from './login-requests';
import { fieldOfError } from './field-errors';
import type { FieldError } from './field-errors';
import type { CodeMethod } from './login-types';

/** phone / code: the SMS way; email / emailCode: the email way; password + confirm: the new password. */
export type ResetField = 'phone' | 'code' | 'email' | 'emailCode' | 'password' | 'confirm';
/** Step 1 proves the account with a code, step 2 sets the new password, then done. */
export type ResetStep = 'verify' | 'password' | 'done';
/** The request in flight. */
export type ResetBusy = 'send-code' | 'verify' | 'reset';

/** A field's inline error: a kit problem, the flow's own (`passwordMismatch`), or a server failure. */
export type ResetFieldError = FieldError | { key: 'passwordMismatch' };

export const RESET_FIELDS: readonly ResetField[] = ['phone', 'code', 'email', 'emailCode', 'password', 'confirm'];

/** Authing's "invalid / used / expired action token" (the reset token of step 1). */
export const RESET_TOKEN_INVALID = 2030;

export interface ResetInputs {
  values: Readonly<Record<ResetField, string>>;
  countryCode: string;
  codeLength: number;
}

export type ResetProblems = Partial<Record<ResetField, Problem | { key: 'passwordMismatch' }>>;

const problemsOrNull = (p: ResetProblems): ResetProblems | null => (Object.keys(p).length ? p : null);

/** A code send: the target (phone / email) only. */
export function checkSend(method: CodeMethod, { values, countryCode }: ResetInputs): ResetProblems | null {
  const c = CODE_CHANNELS[method];
  // The checks trim what they check.
  const p = c.validate(values[c.target], countryCode);
  return p ? { [c.target]: p } : null;
}

/** Step 1: the target and its code. */
export function checkVerify(method: CodeMethod, inputs: ResetInputs): ResetProblems | null {
  const c = CODE_CHANNELS[method];
  const problems: ResetProblems = { ...checkSend(method, inputs) };
  const code = validateSmsCode(inputs.values[c.code], inputs.codeLength);
  if (code) problems[c.code] = code;
  return problemsOrNull(problems);
}

/** Step 2: the password policy (the same as the client's), then the confirmation. Passwords are never trimmed. */
export function checkNewPassword({ values }: ResetInputs): ResetProblems | null {
  const policy = validatePassword(values.password);
  if (policy) return { password: policy };
  if (!values.confirm) return { confirm: { key: 'required', params: { field: 'confirm' } } };
  return values.confirm === values.password ? null : { confirm: { key: 'passwordMismatch' } };
}

/** The step-1 request body of the typed target and code. */
export function verifyRequest(method: CodeMethod, { values, countryCode }: ResetInputs): VerifyResetPasswordRequestOptions {
  const c = CODE_CHANNELS[method];
  const target = values[c.target].trim();
  const passCode = values[c.code].trim();
  return method === 'sms'
    ? { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: target, passCode, phoneCountryCode: countryCode } }
    : { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: target, passCode } };
}

/** The fields each step's failure may sit on. */
export function stepFields(method: CodeMethod, busy: ResetBusy): ResetField[] {
  const c = CODE_CHANNELS[method];
  if (busy === 'send-code') return [c.target];
  return busy === 'verify' ? [c.target, c.code] : ['password', 'confirm'];
}

/** The field a server failure of `busy` belongs on, or null (then it is a form message). */
export function failureField(method: CodeMethod, busy: ResetBusy, error: ErrorData): ResetField | null {
  return fieldOfError(error, stepFields(method, busy));
}
