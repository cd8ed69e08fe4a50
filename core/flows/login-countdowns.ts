// The resend countdowns of <authing-login>'s code channels (SMS, email) over the shared CountdownStore:
// which one runs for the target now typed, which ones still run after a page comes back, starting one.

import { COUNTRY_CODES } from '../validate';
import { CountdownStore, parseCountdownKey } from './countdown';
import { CODE_CHANNELS, CODE_METHODS } from './login-requests';
import type { CodeMethod, LoginFormConfig } from './login-types';

/** A countdown still running for a code channel, with the target (and country code) it was sent to. */
export interface RunningCountdown {
  method: CodeMethod;
  target: string;
  countryCode: string;
  endsAt: number;
}

export class LoginCountdowns {
  constructor(private readonly store: CountdownStore, private readonly config: LoginFormConfig, private readonly now: () => number) {}

  private key(m: CodeMethod, countryCode: string, target: string): string {
    return CODE_CHANNELS[m].key(this.config, countryCode, target.trim());
  }

  /** ms left of the countdown of this target, 0 when none. */
  remaining(m: CodeMethod, countryCode: string, target: string): number {
    return this.store.remaining(this.key(m, countryCode, target), this.config.countdown);
  }

  /** When the countdown of this target ends (ms epoch), 0 when none or no target typed. */
  endsAt(m: CodeMethod, countryCode: string, target: string): number {
    const left = target.trim() ? this.remaining(m, countryCode, target) : 0;
    return left > 0 ? this.now() + left : 0;
  }

  /** Starts the countdown of this target (after the server accepted the send). */
  start(m: CodeMethod, countryCode: string, target: string): void {
    this.store.start(this.key(m, countryCode, target), this.config.countdown);
  }

  /** The latest countdown still running per channel (the user left the page and came back). */
  running(): RunningCountdown[] {
    const found: RunningCountdown[] = [];
    for (const method of CODE_METHODS) {
      const latest = this.store.latest(CODE_CHANNELS[method].prefix(this.config), this.config.countdown);
      const parsed = latest && parseCountdownKey(latest.key);
      if (!latest || !parsed || !parsed.target) continue;
      const known = COUNTRY_CODES.some((cc) => cc.code === parsed.countryCode);
      found.push({ method, target: parsed.target, countryCode: known ? parsed.countryCode : '+86', endsAt: latest.endsAt });
    }
    return found;
  }
}

/** Same countdown, re-read a few ms later (or none both times): nothing to re-render. */
export function sameCountdown(before: number, after: number): boolean {
  return (before === 0 && after === 0) || (before !== 0 && after !== 0 && Math.abs(before - after) < 1000);
}

/** The part of a code form's state the countdowns show (the login's and the sign-up's). */
export interface CountdownView {
  countryCode: string;
  countdownEndsAt: number;
  emailCountdownEndsAt: number;
}

/**
 * `s` with the countdown of `m` for the target now typed (`values`); `s` itself when what is shown is still
 * right, so a caller renders only on a new object.
 */
export function withCountdown<S extends CountdownView>(s: S, m: CodeMethod, countdowns: LoginCountdowns, values: Readonly<Record<string, string>>): S {
  const c = CODE_CHANNELS[m];
  const endsAt = countdowns.endsAt(m, s.countryCode, values[c.target] || '');
  return sameCountdown(s[c.endsAt], endsAt) ? s : { ...s, [c.endsAt]: endsAt };
}

/**
 * After attach: the countdowns still running (the user left the page and came back) put back into `s`,
 * their targets into `values` (for the view to fill the inputs in); null when none runs.
 */
export function withRunningCountdowns<S extends CountdownView>(s: S, countdowns: LoginCountdowns, values: Record<string, string>): S | null {
  const running = countdowns.running();
  let next = s;
  for (const r of running) {
    const c = CODE_CHANNELS[r.method];
    values[c.target] = r.target;
    next = { ...next, [c.endsAt]: r.endsAt };
    if (r.method === 'sms') next = { ...next, countryCode: r.countryCode };
  }
  return running.length ? next : null;
}
