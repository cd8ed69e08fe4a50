// Flow of <authing-mfa>: the MFA step of a sign-in. The challenge (what a 1635 / 1636 sign-in answer
// carries, core/journey/mfa.ts) lists the factors; the user picks one, gets an SMS / email code (resend
// countdown) or types the TOTP / a recovery code, and the verify call with the mfaToken stores the login
// state. Plain TS, no wx: unit-tested without a simulator (test/core/flows/mfa-flow.test.js).
//
// Render contract (as LoginForm): typing never renders unless a shown error goes away; every other call
// renders at most once synchronously, and once more when its request settles. The typed code survives
// every failure.

import { readMfaChallenge } from '../journey';
import type { MfaChallenge } from '../journey';
import type { AuthingClient, ErrorData, LoginState } from '../types';
import type { Result } from '../errors';
import { validateRequired, validateSmsCode } from '../validate';
import { countdownKey } from './countdown';
import type { CountdownStore } from './countdown';
import { errorDetail } from './events';
import type { ErrorEventDetail, EventMethod, LoginEventDetail, NavigateEventDetail } from './events';
import { fieldOfError } from './field-errors';
import type { FieldError } from './field-errors';
import { sameCountdown } from './login-countdowns';
import { loginDetail } from './login-requests';
import type { FetchUserInfo, SendCodeEventDetail } from './login-types';
import { challengeOver, factorOptions } from './mfa-factors';
import type { MfaFactorName, MfaFactorOption } from './mfa-factors';
import type { Notice } from './notice';

/** The channel MFA codes are sent on (their resend countdowns are keyed by it). */
export const MFA_CHANNEL = 'CHANNEL_VERIFY_MFA';

export interface MfaState {
  /** The factors offered, in the server's order (recovery code last). */
  options: MfaFactorOption[];
  factor: MfaFactorName | null;
  busy: 'send' | 'verify' | null;
  /** The code field's error: a problem found before sending, or the server's "wrong code". */
  error: FieldError | null;
  /** End (ms epoch) of the current SMS / email factor's resend countdown, 0 when none runs. */
  countdownEndsAt: number;
  notice: Notice | null;
  /** The challenge is over (expired / used): only "back to login" is left. */
  over: boolean;
  /** Verified: the login state is stored and `login` was emitted. */
  done: boolean;
}

export interface MfaConfig {
  /** The first step's sign-in method, echoed in `login`. */
  method: EventMethod;
  fetchUserInfo: FetchUserInfo;
  /** Digits of an SMS / email code (TOTP codes are always 6). */
  codeLength: number;
  /** Resend countdown, seconds. */
  countdown: number;
}

export interface MfaEvents {
  login: LoginEventDetail;
  error: ErrorEventDetail;
  'send-code': SendCodeEventDetail;
  navigate: NavigateEventDetail;
}

export interface MfaHost {
  getClient(): Result<AuthingClient>;
  onChange(state: MfaState): void;
  emit<K extends keyof MfaEvents>(name: K, detail: MfaEvents[K]): void;
}

export const MFA_DEFAULTS: MfaConfig = { method: 'password', fetchUserInfo: true, codeLength: 6, countdown: 60 };

const isChallenge = (value: unknown): value is MfaChallenge =>
  !!value && typeof (value as MfaChallenge).mfaToken === 'string' && Array.isArray((value as MfaChallenge).factors);

/** The `challenge` property: a challenge from readMfaChallenge, or the sign-in error itself (anything else: none). */
export function parseChallenge(value: unknown): MfaChallenge | null {
  if (isChallenge(value)) return value.mfaToken ? value : null;
  return readMfaChallenge(value as ErrorData);
}

export class MfaFlow {
  readonly config: MfaConfig;
  private s: MfaState = { options: [], factor: null, busy: null, error: null, countdownEndsAt: 0, notice: null, over: false, done: false };
  private challenge: MfaChallenge | null = null;
  /** Typed codes per factor (never in render state: typing must not re-render). */
  private values: Partial<Record<MfaFactorName, string>> = {};
  private life = 0;

  constructor(private readonly host: MfaHost, private readonly countdowns: CountdownStore, config: Partial<MfaConfig> = {}, private readonly now: () => number = Date.now) {
    this.config = { ...MFA_DEFAULTS, ...config };
  }

  get state(): Readonly<MfaState> {
    return this.s;
  }

  /** The typed code of the current factor. */
  get value(): string {
    return (this.s.factor && this.values[this.s.factor]) || '';
  }

  configure(patch: Partial<MfaConfig>): void {
    Object.assign(this.config, patch);
  }

  /** A new challenge starts the step afresh (same mfaToken: nothing changes). One render. */
  setChallenge(value: unknown): void {
    const challenge = parseChallenge(value);
    if (challenge && this.challenge && challenge.mfaToken === this.challenge.mfaToken) return;
    this.life++;
    this.challenge = challenge;
    this.values = {};
    const options = challenge ? factorOptions(challenge) : [];
    this.s = { options, factor: options.length ? options[0].factor : null, busy: null, error: null, countdownEndsAt: 0, notice: null, over: false, done: false };
    this.syncCountdown();
    this.commit();
  }

  selectFactor(factor: unknown): void {
    if (this.s.busy || factor === this.s.factor || !this.s.options.some((o) => o.factor === factor)) return;
    this.s = { ...this.s, factor: factor as MfaFactorName, error: null, notice: null };
    this.syncCountdown();
    this.commit();
  }

  input(value: unknown): void {
    if (!this.s.factor) return;
    this.values[this.s.factor] = value === undefined || value === null ? '' : String(value);
    if (this.s.error) {
      this.s = { ...this.s, error: null };
      this.commit();
    }
  }

  /** Timer-driven: the countdown display ended (re-enables the send button). */
  countdownTick(): void {
    if (this.syncCountdown()) this.commit();
  }

  /** "Back to login". */
  back(): void {
    this.host.emit('navigate', { to: 'login' });
  }

  /** Sends the SMS / email code of the current factor. */
  async sendCode(): Promise<void> {
    const option = this.current();
    if (!option || !option.target || this.s.busy || this.s.over || this.s.done) return;
    const changed = this.syncCountdown();
    if (this.s.countdownEndsAt) {
      if (changed) this.commit();
      return undefined;
    }
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.fail('send-code', clientErr);
    const life = this.life;
    this.set({ busy: 'send', notice: null });
    const [err] = option.factor === 'sms'
      ? await client.sendMfaSms({ phoneNumber: option.target, phoneCountryCode: option.countryCode })
      : await client.sendMfaEmail({ email: option.target });
    if (life !== this.life) return undefined;
    if (err) return this.fail('send-code', err);
    this.countdowns.start(this.keyOf(option), this.config.countdown);
    this.s = { ...this.s, busy: null, notice: { tone: 'info', key: 'codeSent' } };
    this.syncCountdown();
    this.commit();
    this.host.emit('send-code', option.factor === 'sms' ? { phone: option.target, countryCode: option.countryCode } : { email: option.target });
    return undefined;
  }

  /** Verifies the typed code with the mfaToken; on success the login state is stored and `login` emitted. */
  async verify(): Promise<void> {
    const option = this.current();
    const challenge = this.challenge;
    if (!option || !challenge || this.s.busy || this.s.over || this.s.done) return undefined;
    // Checks and the client trim the code themselves.
    const code = this.value;
    const problem = option.factor === 'recovery-code' ? validateRequired(code, 'recoveryCode')
      : validateSmsCode(code, option.factor === 'totp' ? 6 : this.config.codeLength);
    if (problem) return this.set({ error: problem, notice: null });
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.fail('verify-mfa', clientErr);
    const life = this.life;
    this.set({ busy: 'verify', error: null, notice: null });
    const [err, loginState] = await this.request(client, challenge.mfaToken, option, code);
    if (life !== this.life) return undefined;
    if (err) return this.verifyFailed(err);
    const detail = await loginDetail(client, this.config.method, loginState, this.config.fetchUserInfo);
    if (life !== this.life) return undefined;
    this.set({ busy: null, done: true });
    this.host.emit('login', { ...detail, mfa: option.factor });
    return undefined;
  }

  /** The component went away: late answers must not render or emit. */
  detach(): void {
    this.life++;
  }

  // ---- internals ----

  private current(): MfaFactorOption | undefined {
    return this.s.options.find((o) => o.factor === this.s.factor);
  }

  private request(client: AuthingClient, mfaToken: string, option: MfaFactorOption, code: string): Promise<Result<LoginState>> {
    switch (option.factor) {
      case 'sms': return client.verifyMfaSms({ mfaToken, phone: option.target, phoneCountryCode: option.countryCode, code });
      case 'email': return client.verifyMfaEmail({ mfaToken, email: option.target, code });
      case 'totp': return client.verifyMfaTotp({ mfaToken, totp: code });
      default: return client.verifyMfaRecoveryCode({ mfaToken, recoveryCode: code });
    }
  }

  /** Wrong code → on the field; a challenge that is over → the message and back to login; else the notice. */
  private verifyFailed(error: ErrorData): void {
    if (challengeOver(error)) {
      this.set({ busy: null, over: true, notice: { tone: 'error', key: 'expired' } });
      this.host.emit('error', errorDetail('verify-mfa', error));
      this.host.emit('navigate', { to: 'login' });
      return;
    }
    if (fieldOfError(error, ['code'])) {
      this.set({ busy: null, error: { error } });
      this.host.emit('error', errorDetail('verify-mfa', error));
      return;
    }
    this.fail('verify-mfa', error);
  }

  private fail(action: 'send-code' | 'verify-mfa', error: ErrorData): void {
    this.set({ busy: null, notice: { tone: 'error', error } });
    this.host.emit('error', errorDetail(action, error));
  }

  private keyOf(option: MfaFactorOption): string {
    return countdownKey(MFA_CHANNEL, option.countryCode, option.factor === 'email' ? option.target.toLowerCase() : option.target);
  }

  /** Re-reads the current factor's countdown; true when it changed. */
  private syncCountdown(): boolean {
    const option = this.current();
    const left = option && option.target ? this.countdowns.remaining(this.keyOf(option), this.config.countdown) : 0;
    const endsAt = left > 0 ? this.now() + left : 0;
    if (sameCountdown(this.s.countdownEndsAt, endsAt)) return false;
    this.s = { ...this.s, countdownEndsAt: endsAt };
    return true;
  }

  private set(patch: Partial<MfaState>): void {
    this.s = { ...this.s, ...patch };
    this.commit();
  }

  private commit(): void {
    this.host.onChange(this.s);
  }
}
