// What the MFA step offers for one challenge (core/journey/mfa.ts readMfaChallenge): the factors in the
// server's order with the masked phone / email each code goes to, the recovery code last when TOTP is
// offered, and what a failed verify means (wrong code on the field, or a challenge that is over).
import type { ErrorData } from '../types';
import type { MfaChallenge } from '../journey/types';
import type { MfaMarker } from './events';

/** A factor as the kit's events name it (`login.mfa`). */
export type MfaFactorName = MfaMarker;

export interface MfaFactorOption {
  factor: MfaFactorName;
  /** Where an SMS / email code goes (as the server gave it), '' for TOTP and recovery codes. */
  target: string;
  /** `target` as shown: `138****0101`, `mf***@example.com`. */
  masked: string;
  /** The phone's country code ('' for other factors). */
  countryCode: string;
}

/** `138****0101`: the first three and the last four digits; short numbers keep their last two. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s+/g, '');
  if (p.length >= 8) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  return p.length > 2 ? `${'*'.repeat(p.length - 2)}${p.slice(-2)}` : p;
}

/** `mf***@example.com`: at most two characters of the local part, the domain in full. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length - 1))}***${email.slice(at)}`;
}

/**
 * The factors the user can use, in the server's order. SMS / email need the phone / email the code goes
 * to: without one the factor is left out (binding an MFA phone at login is not supported). The recovery
 * code follows when TOTP is offered.
 */
export function factorOptions(challenge: MfaChallenge): MfaFactorOption[] {
  const out: MfaFactorOption[] = [];
  for (const f of challenge.factors) {
    if (f.type === 'SMS' && challenge.phone) {
      out.push({ factor: 'sms', target: challenge.phone, masked: maskPhone(challenge.phone), countryCode: challenge.phoneCountryCode || '+86' });
    } else if (f.type === 'EMAIL' && challenge.email) {
      out.push({ factor: 'email', target: challenge.email, masked: maskEmail(challenge.email), countryCode: '' });
    } else if (f.type === 'OTP') {
      out.push({ factor: 'totp', target: '', masked: '', countryCode: '' });
    }
  }
  if (challenge.recoveryCodeAllowed) out.push({ factor: 'recovery-code', target: '', masked: '', countryCode: '' });
  return out;
}

/**
 * The mfaToken is no longer good (expired, already used, or refused): the user has to sign in again.
 * Authing answers 401 with 2021 (Guard sends that back to login), 2020 / 2023 for a missing / invalid one.
 */
export function challengeOver(error: ErrorData): boolean {
  return [2020, 2021, 2023].indexOf(error.apiCode as number) >= 0 || error.statusCode === 401;
}
