// What <authing-account> shows of a profile: username, masked phone and email, and whether a password is
// set. Masked because a "me" page is often shown over a shoulder or in a screenshot. Pure TS.

import type { UserInfo } from '../types';

export interface AccountSummary {
  username: string;
  /** The full values the actions need (code targets), never rendered. */
  phone: string;
  phoneCountryCode: string;
  email: string;
  phoneMasked: string;
  emailMasked: string;
  /**
   * true / false when the profile says (`passwordLastSetAt`: a time, or null = never set), null when it
   * does not carry the field (then the kit assumes a password exists and asks for the current one).
   */
  passwordSet: boolean | null;
}

/** 138****0000: the first 3 and last 4 digits of an 11-digit number; shorter ones keep 2 + 2 (4 or fewer: 1). */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (!p) return '';
  const [head, tail] = p.length >= 11 ? [3, 4] : [2, 2];
  if (head + tail >= p.length) return p.slice(0, 1) + '*'.repeat(p.length - 1);
  return p.slice(0, head) + '*'.repeat(p.length - head - tail) + p.slice(p.length - tail);
}

/** d***@example.com: the first character of the local part, the domain in full. */
export function maskEmail(email: string): string {
  const e = email.trim();
  const at = e.lastIndexOf('@');
  if (at <= 0) return e ? e.slice(0, 1) + '***' : '';
  return e.slice(0, 1) + '***' + e.slice(at);
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function accountSummary(user: Partial<UserInfo>): AccountSummary {
  const phone = text(user.phone);
  const email = text(user.email);
  const setAt = user.passwordLastSetAt;
  return {
    username: text(user.username),
    phone,
    phoneCountryCode: text(user.phoneCountryCode) || '+86',
    email,
    phoneMasked: maskPhone(phone),
    emailMasked: maskEmail(email),
    passwordSet: setAt === undefined ? null : !!setAt,
  };
}
