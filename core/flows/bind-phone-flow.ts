// Flow of <authing-bind-phone>: the logged-in user binds a phone by SMS code (CHANNEL_BIND_PHONE + bind-phone),
// or skips when the host allows it. Plain TS, no wx: unit-tested without a simulator
// (test/core/flows/bind-phone-flow.test.js).
//
// Render contract (as LoginForm): typing never renders unless a visible error has to go; every other public
// call renders at most once synchronously; a request renders once more when it settles. Typed values survive
// every failure.

import type { AuthingClient, BindPhoneOptions, ErrorData, SDKResponse, SimpleResponseData } from '../types';
import type { Result } from '../errors';
import { COUNTRY_CODES, validatePhone, validateSmsCode } from '../validate';
import type { Problem } from '../validate';
import { CountdownStore, countdownKey, parseCountdownKey } from './countdown';
import { sameCountdown } from './login-countdowns';
import { errorDetail } from './events';
import type { CancelEventDetail, ErrorEventDetail } from './events';
import type { FieldError } from './field-errors';
import type { Notice } from './notice';
import { BIND_PHONE_CHANNEL, bindFieldOfError } from './bind-phone';
import type { BindPhoneField } from './bind-phone';

export type { BindPhoneField };
export type BindPhoneAction = 'send-code' | 'bind';

/** `bind`: a phone is bound to the logged-in user (`sms`: by SMS code; `phone` is kept for WeChat's phone button). */
export interface BindEventDetail { method: 'sms' | 'phone' }
/** `send-code` of the bind step: the server accepted the send; the countdown started. */
export interface BindSendCodeEventDetail { phone: string; countryCode: string }

export interface BindPhoneEvents {
  bind: BindEventDetail;
  cancel: CancelEventDetail;
  'send-code': BindSendCodeEventDetail;
  error: ErrorEventDetail;
}

export interface BindPhoneConfig {
  /** Resend countdown, seconds. */
  countdown: number;
  codeLength: number;
  /** The host lets the user skip the step. */
  skippable: boolean;
}

export const DEFAULT_BIND_PHONE_CONFIG: BindPhoneConfig = { countdown: 60, codeLength: 6, skippable: false };

export interface BindPhoneState {
  countryCode: string;
  /** The request in flight (its button loads; every action waits). */
  busy: BindPhoneAction | null;
  /** Shown on their field until it is edited or the next attempt: a problem found before sending, or a server failure about it. */
  errors: Record<BindPhoneField, FieldError | null>;
  /** When the resend countdown of the phone now typed ends (ms epoch); 0 = none. */
  countdownEndsAt: number;
  /** The message line: code sent, bound, or a failure that belongs to no field. */
  notice: Notice | null;
  /** The phone is bound: the step is done. */
  bound: boolean;
  skippable: boolean;
}

export interface BindPhoneHost {
  getClient(): Result<AuthingClient>;
  /** The bind-phone request (the account module's, reached by the component). */
  bindPhone(client: AuthingClient, data: BindPhoneOptions): SDKResponse<SimpleResponseData>;
  onChange(): void;
  emit<K extends keyof BindPhoneEvents>(name: K, detail: BindPhoneEvents[K]): void;
}

const NO_ERRORS: Record<BindPhoneField, FieldError | null> = { phone: null, code: null };

export class BindPhoneFlow {
  readonly config: BindPhoneConfig;
  private s: BindPhoneState;
  private readonly values: Record<BindPhoneField, string> = { phone: '', code: '' };
  private life = 0;

  constructor(private readonly host: BindPhoneHost, config: Partial<BindPhoneConfig> = {}, private readonly store = new CountdownStore({ storage: null }), private readonly now: () => number = Date.now) {
    this.config = { ...DEFAULT_BIND_PHONE_CONFIG, ...config };
    this.s = { countryCode: '+86', busy: null, errors: { ...NO_ERRORS }, countdownEndsAt: 0, notice: null, bound: false, skippable: this.config.skippable };
  }

  get state(): Readonly<BindPhoneState> {
    return this.s;
  }

  /** What the user typed. */
  value(field: BindPhoneField): string {
    return this.values[field];
  }

  /** Property changes (countdown, code length, skippable): one render. */
  configure(patch: Partial<BindPhoneConfig>): void {
    Object.assign(this.config, patch);
    this.set({ skippable: this.config.skippable });
  }

  /** After attach: brings back a bind countdown still running (and its phone). */
  restore(): void {
    const latest = this.store.latest(BIND_PHONE_CHANNEL + ':', this.config.countdown);
    const parsed = latest && parseCountdownKey(latest.key);
    if (!latest || !parsed || !parsed.target) return;
    const known = COUNTRY_CODES.some((cc) => cc.code === parsed.countryCode);
    this.values.phone = parsed.target;
    this.set({ countryCode: known ? parsed.countryCode : '+86', countdownEndsAt: latest.endsAt });
  }

  /** Typing: kept aside; renders only when the field's error goes or the phone's countdown shows / hides. */
  input(field: BindPhoneField, value: unknown): void {
    if (field !== 'phone' && field !== 'code') return;
    this.values[field] = value === undefined || value === null ? '' : String(value);
    const errorGoes = this.s.errors[field] !== null;
    const endsAt = this.endsAt();
    if (!errorGoes && sameCountdown(this.s.countdownEndsAt, endsAt)) return;
    this.set({ errors: { ...this.s.errors, [field]: null }, countdownEndsAt: endsAt });
  }

  setCountryCode(code: string): void {
    if (code === this.s.countryCode || !COUNTRY_CODES.some((c) => c.code === code)) return;
    this.s = { ...this.s, countryCode: code, errors: { ...this.s.errors, phone: null } };
    this.set({ countdownEndsAt: this.endsAt() });
  }

  /** The display timer saw the countdown end. */
  countdownTick(): void {
    const endsAt = this.endsAt();
    if (!sameCountdown(this.s.countdownEndsAt, endsAt)) this.set({ countdownEndsAt: endsAt });
  }

  async sendCode(): Promise<void> {
    if (this.s.busy || this.s.bound) return;
    const phone = this.values.phone.trim();
    const countryCode = this.s.countryCode;
    if (this.refused({ phone: validatePhone(phone, countryCode) })) return;
    if (this.endsAt() > 0) return this.set({ countdownEndsAt: this.endsAt() });
    const client = this.begin('send-code');
    if (!client) return;
    const life = this.life;
    const [err] = await client.sendSms({ phoneNumber: phone, channel: BIND_PHONE_CHANNEL, phoneCountryCode: countryCode });
    if (life !== this.life) return;
    if (err) return this.fail('send-code', err, ['phone']);
    // The countdown starts only now, after the server accepted the send.
    this.store.start(this.key(countryCode, phone), this.config.countdown);
    this.set({ busy: null, notice: { tone: 'info', key: 'codeSent' }, countdownEndsAt: this.endsAt() });
    this.host.emit('send-code', { phone, countryCode });
  }

  async submit(): Promise<void> {
    if (this.s.busy || this.s.bound) return;
    const phone = this.values.phone.trim();
    const code = this.values.code.trim();
    const countryCode = this.s.countryCode;
    if (this.refused({ phone: validatePhone(phone, countryCode), code: validateSmsCode(code, this.config.codeLength) })) return;
    const client = this.begin('bind');
    if (!client) return;
    const life = this.life;
    const [err] = await this.host.bindPhone(client, { phoneNumber: phone, passCode: code, phoneCountryCode: countryCode });
    if (life !== this.life) return;
    if (err) return this.fail('bind', err, ['phone', 'code']);
    this.store.clear(this.key(countryCode, phone));
    this.values.code = '';
    this.set({ busy: null, bound: true, countdownEndsAt: 0, notice: { tone: 'success', key: 'bound' } });
    this.host.emit('bind', { method: 'sms' });
  }

  /** "Skip for now": only when the host allows it, never while a request is in flight. */
  skip(): void {
    if (!this.s.skippable || this.s.busy || this.s.bound) return;
    this.host.emit('cancel', { action: 'bind-phone', reason: 'skip' });
  }

  /** The component went away: late answers must not render or emit. */
  detach(): void {
    this.life++;
  }

  // ---- internals ----

  private set(patch: Partial<BindPhoneState>): void {
    this.s = { ...this.s, ...patch };
    this.host.onChange();
  }

  private key(countryCode: string, phone: string): string {
    return countdownKey(BIND_PHONE_CHANNEL, countryCode, phone);
  }

  /** When the countdown of the phone now typed ends, 0 when none. */
  private endsAt(): number {
    const phone = this.values.phone.trim();
    const left = phone ? this.store.remaining(this.key(this.s.countryCode, phone), this.config.countdown) : 0;
    return left > 0 ? this.now() + left : 0;
  }

  /** Problems found before any request: shown on their fields (one render); true when there were any. */
  private refused(problems: Partial<Record<BindPhoneField, Problem | null>>): boolean {
    const errors = { ...NO_ERRORS };
    let any = false;
    for (const f of Object.keys(problems) as BindPhoneField[]) {
      if (problems[f]) { errors[f] = problems[f]!; any = true; }
    }
    if (any) this.set({ errors, notice: null });
    return any;
  }

  /** The client, with the action marked busy (one render); or the failure shown. */
  private begin(action: BindPhoneAction): AuthingClient | null {
    const [err, client] = this.host.getClient();
    if (err) {
      this.fail(action, err, []);
      return null;
    }
    this.set({ busy: action, errors: { ...NO_ERRORS }, notice: null });
    return client;
  }

  /** One display per failure: on its field, else the message line. Always an `error` event. Typed values stay. */
  private fail(action: BindPhoneAction, error: ErrorData, fields: readonly BindPhoneField[]): void {
    const field = bindFieldOfError(error, fields);
    this.set({
      busy: null,
      errors: field ? { ...NO_ERRORS, [field]: { error } } : { ...NO_ERRORS },
      notice: field ? null : { tone: 'error', error },
    });
    this.host.emit('error', errorDetail(action === 'bind' ? 'bind-phone' : 'send-code', error, { method: 'sms' }));
  }
}
