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
