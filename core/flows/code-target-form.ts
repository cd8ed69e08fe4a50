// The part of a form with code targets (a phone and / or an email a code is sent to) that only changes
// state: typing, the country code, the password's visibility, the resend countdown of the target now
// typed, and bringing back a countdown still running after the page comes back. <authing-login>'s
// model (login-form-model.ts), <authing-register>'s flow (register-flow.ts) and <authing-reset-password>'s
// flow (reset-password-flow.ts) build on it.

import { COUNTRY_CODES } from '../validate';
import { sameCountdown } from './login-countdowns';
import type { LoginCountdowns } from './login-countdowns';
import { CODE_CHANNELS, CODE_METHODS } from './login-requests';
import type { CodeMethod } from './login-types';

/** The render state such a form keeps (the resend countdowns: when each ends, ms epoch, 0 = none). */
export interface CodeTargetState<F extends string> {
  errors: Record<F, unknown>;
  countryCode: string;
  countdownEndsAt: number;
  emailCountdownEndsAt: number;
  passwordVisible: boolean;
}

export abstract class CodeTargetForm<F extends string, S extends CodeTargetState<F>> {
  protected abstract s: S;
  /** Typed values live here, never in render state: typing must not re-render. */
  protected abstract readonly values: Record<F, string>;
  protected abstract readonly countdowns: LoginCountdowns;

  /** Re-render from the state. */
  protected abstract commit(): void;

  /** A field was typed into (after the value is kept); e.g. the login prepares encryption. */
  protected typed(_field: F): void { /* nothing by default */ }

  /** Whether `field` can be typed into. */
  protected accepts(field: F): boolean {
    return field in this.values;
  }

  /** A field's current value (what the user typed; '' before any typing). */
  value(field: F): string {
    return this.values[field] || '';
  }

  /** Typing. Re-renders only when the field's shown error goes away or a code target's countdown state changes. */
  input(field: F, value: unknown): void {
    if (!this.accepts(field)) return;
    this.values[field] = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
    this.typed(field);
    let changed = false;
    if (this.s.errors[field]) {
      this.s = { ...this.s, errors: { ...this.s.errors, [field]: null } };
      changed = true;
    }
    for (const m of CODE_METHODS) {
      if ((CODE_CHANNELS[m].target as string) === field) changed = this.syncCountdown(m) || changed;
    }
    if (changed) this.commit();
  }

  setCountryCode(code: unknown): void {
    if (typeof code !== 'string' || !COUNTRY_CODES.some((c) => c.code === code) || code === this.s.countryCode) return;
    this.s = { ...this.s, countryCode: code, errors: { ...this.s.errors, phone: null } };
    this.syncCountdown('sms');
    this.commit();
  }

  togglePasswordVisible(): void {
    this.s = { ...this.s, passwordVisible: !this.s.passwordVisible };
    this.commit();
  }

  /** Timer-driven (a countdown display finished): re-enables its send button. */
  countdownTick(): void {
    let changed = false;
    for (const m of CODE_METHODS) changed = this.syncCountdown(m) || changed;
    if (changed) this.commit();
  }

  /**
   * After attach: brings back the resend countdowns still running (the user left the page and came back)
   * and their targets (`value('phone')` / `value('email')`, for the view to put into the inputs). One render at most.
   */
  restore(): void {
    const running = this.countdowns.running();
    for (const r of running) {
      const c = CODE_CHANNELS[r.method];
      this.values[c.target as F] = r.target;
      this.s = { ...this.s, [c.endsAt]: r.endsAt };
      if (r.method === 'sms') this.s = { ...this.s, countryCode: r.countryCode };
    }
    if (running.length) this.commit();
  }

  /** Recomputes the countdown of a code method's target now typed; true when it changed. */
  protected syncCountdown(m: CodeMethod): boolean {
    const c = CODE_CHANNELS[m];
    const endsAt = this.countdowns.endsAt(m, this.s.countryCode, this.values[c.target as F]);
    if (sameCountdown(this.s[c.endsAt], endsAt)) return false;
    this.s = { ...this.s, [c.endsAt]: endsAt };
    return true;
  }
}
