// What <authing-login> checks before a request (per action) and which fields each action uses — the
// fields a server failure of that action may be shown on (core/flows/field-errors.ts).

import { validateSmsCode } from '../validate';
import type { Problem } from '../validate';
import { codeChannelOf, eventMethod } from './login-requests';
import { validateLoginAccount } from './login-types';
import type { BeforeLoginContext, LoginAction, LoginField } from './login-types';

/** The typed values and choices an action reads. */
export interface LoginInputs {
  values: Readonly<Record<LoginField, string>>;
  countryCode: string;
  /** The password form shows a captcha (core/flows/sign-in-guard.ts): its code is required. */
  captchaShown?: boolean;
  /** The captcha's code and token for the password sign-in. */
  passwordOptions?: { captchaCode?: string; captchaToken?: string };
}

/** The fields an action reads, in display order. */
export function actionFields(action: LoginAction): LoginField[] {
  if (action === 'password') return ['account', 'password', 'captcha'];
  const c = codeChannelOf(action);
  if (!c) return [];
  return action === c.method ? [c.target, c.code] : [c.target];
}

/** The problems of an action's fields before any request, or null when it may go ahead. */
export function validateAction(action: LoginAction, { values: v, countryCode, captchaShown }: LoginInputs, codeLength: number): Partial<Record<LoginField, Problem>> | null {
  const problems: Partial<Record<LoginField, Problem>> = {};
  if (action === 'password') {
    const a = validateLoginAccount(v.account);
    if (a) problems.account = a;
    // Login checks presence only: the password policy belongs to registration, not to signing in.
    if (!v.password) problems.password = { key: 'required', params: { field: 'password' } };
    if (captchaShown && !v.captcha.trim()) problems.captcha = { key: 'required', params: { field: 'captcha' } };
  } else {
    const c = codeChannelOf(action);
    if (c) {
      const p = c.validate(v[c.target].trim(), countryCode);
      if (p) problems[c.target] = p;
      if (action === c.method) {
        const code = validateSmsCode(v[c.code].trim(), codeLength);
        if (code) problems[c.code] = code;
      }
    }
  }
  return Object.keys(problems).length ? problems : null;
}

/** What the before-login hook sees of an action (never the password or a code). */
export function beforeLoginContext(action: LoginAction, { values: v, countryCode }: LoginInputs): BeforeLoginContext {
  const ctx: BeforeLoginContext = { method: eventMethod(action) };
  if (action === 'password') ctx.account = v.account.trim();
  if (action === 'sms') { ctx.phone = v.phone.trim(); ctx.countryCode = countryCode; }
  if (action === 'email') ctx.email = v.email.trim();
  return ctx;
}
