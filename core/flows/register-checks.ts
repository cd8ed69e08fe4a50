// What <authing-register> checks before a request, which fields a server failure may be shown on, and
// the two requests of a sign-up: the SignUpDto and the password sign-in right after it.
import type { PasswordPayload } from '../types';
import type { SignUpOptions, SignUpProfile } from '../journey';
import { accountKind, validatePassword, validateSmsCode } from '../validate';
import type { Problem } from '../validate';
import { CODE_CHANNELS } from './login-requests';
import { validateLoginAccount } from './login-types';
import { validateValues } from './profile-form';
import type { RegisterAction, RegisterField, RegisterMethod, SignUpField } from './register-types';

export interface RegisterInputs {
  method: RegisterMethod;
  values: Readonly<Record<string, string>>;
  countryCode: string;
  fields: readonly SignUpField[];
  codeLength: number;
}

/** The fields an action reads, in display order (a server failure about one is shown on it). */
export function registerFields(action: RegisterAction, method: RegisterMethod, fields: readonly SignUpField[]): RegisterField[] {
  const target: RegisterField[] = method === 'password' ? ['account'] : [CODE_CHANNELS[method].target];
  if (action === 'send-code') return target;
  const code: RegisterField[] = method === 'password' ? [] : [CODE_CHANNELS[method].code];
  return [...target, ...code, 'password', 'confirm', ...fields];
}

/** The problems of an action's fields before any request, or null when it may go ahead. */
export function validateRegister(action: RegisterAction, input: RegisterInputs): Partial<Record<RegisterField, Problem>> | null {
  const { method, values: v } = input;
  const problems: Partial<Record<RegisterField, Problem>> = {};
  if (method === 'password') {
    // A username or an email (anything with an @ must be a valid email).
    const p = validateLoginAccount(v.account);
    if (p) problems.account = p;
  } else {
    const c = CODE_CHANNELS[method];
    // The checks trim what they check.
    const p = c.validate(v[c.target], input.countryCode);
    if (p) problems[c.target] = p;
    if (action === 'register') {
      const code = validateSmsCode(v[c.code], input.codeLength);
      if (code) problems[c.code] = code;
    }
  }
  if (action === 'register') {
    // The password policy's message (6–64 characters) before any request; then the second entry.
    const p = validatePassword(v.password);
    if (p) problems.password = p;
    else if (v.confirm !== v.password) problems.confirm = v.confirm ? { key: 'passwordMismatch' } : { key: 'required', params: { field: 'confirm' } };
    Object.assign(problems, validateValues(v as Record<string, string>, input.fields));
  }
  return Object.keys(problems).length ? problems : null;
}

function profileOf(values: Readonly<Record<string, string>>, fields: readonly SignUpField[]): SignUpProfile | undefined {
  const profile: Record<string, string> = {};
  for (const f of fields) {
    const value = (values[f] || '').trim();
    if (value) profile[f] = value;
  }
  return Object.keys(profile).length ? profile : undefined;
}

/**
 * The sign-up request. A code sign-up carries the password too (`options.passwordForPhonePassCode`, as
 * Guard's code registration asks for one): the code is used up by the sign-up, so the password is what
 * signs the new user in right after.
 */
export function signUpRequest(input: RegisterInputs, encrypt: 'none' | 'rsa' | 'sm2'): SignUpOptions {
  const { method, values: v } = input;
  const options: SignUpOptions['options'] = encrypt !== 'none' ? { passwordEncryptType: encrypt } : {};
  const profile = profileOf(v, input.fields);
  const extra = profile ? { profile } : {};
  if (method === 'password') {
    const account = v.account.trim();
    const who = accountKind(account) === 'email' ? { email: account } : { username: account };
    return { connection: 'PASSWORD', passwordPayload: { ...who, password: v.password }, options, ...extra };
  }
  const c = CODE_CHANNELS[method];
  const passCodePayload = c.payload(v[c.target].trim(), v[c.code].trim(), input.countryCode);
  return { connection: 'PASSCODE', passCodePayload, options: { ...options, passwordForPhonePassCode: v.password }, ...extra };
}

/** The password sign-in of the account just created (by the identifier it was created with). */
export function signInPayload(input: RegisterInputs): PasswordPayload {
  const { method, values: v } = input;
  if (method === 'sms') return { phone: v.phone.trim(), password: v.password };
  if (method === 'email') return { email: v.email.trim(), password: v.password };
  const account = v.account.trim();
  return accountKind(account) === 'email' ? { email: account, password: v.password } : { username: account, password: v.password };
}
