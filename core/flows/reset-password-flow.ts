// Flow of <authing-reset-password> (forgot password): a CHANNEL_RESET_PASSWORD code to the phone or the
// email → verifyResetPasswordRequest (a single-use reset token, kept here, never in state) → the new
// password twice → resetPassword → `password-reset` {method, account}. Plain TS, no wx: unit-tested
// without a simulator (test/core/flows/reset-password-flow.test.js).
//
// Render contract (as LoginForm): typing never renders unless a shown error goes away or the countdown of
// the typed target changes; every other public call renders at most once synchronously; a request
// renders once more when it settles. Nothing typed is lost on a failure.

import type { AuthingClient, EncryptType, ErrorData } from '../types';
import type { Result } from '../errors';
import { CountdownStore } from './countdown';
import { errorDetail } from './events';
import type { ErrorEventDetail, NavigateEventDetail, PasswordResetEventDetail } from './events';
import type { Notice, TextLookup } from './notice';
import { LoginCountdowns } from './login-countdowns';
import { CodeTargetForm } from './code-target-form';
import { CODE_CHANNELS, CODE_METHODS } from './login-requests';
import { DEFAULT_CONFIG } from './login-types';
import type { CodeMethod, LoginFormConfig, SendCodeEventDetail } from './login-types';
import {
  RESET_FIELDS, RESET_TOKEN_INVALID, checkNewPassword, checkSend, checkVerify, failureField, verifyRequest,
} from './reset-password-checks';
import type { ResetBusy, ResetField, ResetFieldError, ResetInputs, ResetProblems, ResetStep } from './reset-password-checks';

export * from './reset-password-checks';

/** The code channel of the reset (SMS and email). */
export const RESET_CHANNEL = 'CHANNEL_RESET_PASSWORD';

export type { NavigateEventDetail, PasswordResetEventDetail } from './events';

export interface ResetPasswordEvents {
  'password-reset': PasswordResetEventDetail;
  'send-code': SendCodeEventDetail;
  navigate: NavigateEventDetail;
  error: ErrorEventDetail;
}

export interface ResetPasswordConfig {
  /** The ways to prove the account, in tab order. */
  methods: CodeMethod[];
  encrypt: EncryptType;
  /** Resend countdown in seconds. */
  countdown: number;
  codeLength: number;
}

export interface ResetPasswordState {
  methods: CodeMethod[];
  method: CodeMethod;
  step: ResetStep;
  busy: ResetBusy | null;
  errors: Record<ResetField, ResetFieldError | null>;
  countryCode: string;
  /** When the resend countdown of the phone now typed ends (ms epoch), 0 when none. */
  countdownEndsAt: number;
  /** The same for the email address now typed. */
  emailCountdownEndsAt: number;
  /** The form message: code sent, the reset token expired, a failure that is about no field. */
  notice: Notice | null;
  passwordVisible: boolean;
}

export interface ResetPasswordHost {
  getClient(): Result<AuthingClient>;
  onChange(state: ResetPasswordState): void;
  emit<K extends keyof ResetPasswordEvents>(name: K, detail: ResetPasswordEvents[K]): void;
  /** Readable text of the component's texts (a failure the flow words itself). */
  text: TextLookup;
}

/** `['email', 'sms']`, `'sms,email'`, junk → the known ways in the given order; none → SMS only (email is opt-in). */
export function parseResetMethods(value: unknown): CodeMethod[] {
  const raw: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s|]+/) : [];
  const out: CodeMethod[] = [];
  for (const v of raw) {
    const m = typeof v === 'string' ? (v.trim().toLowerCase() as CodeMethod) : undefined;
    if (m && CODE_METHODS.indexOf(m) >= 0 && out.indexOf(m) < 0) out.push(m);
  }
  return out.length ? out : ['sms'];
}

const NO_ERRORS = RESET_FIELDS.reduce((o, f) => ({ ...o, [f]: null }), {} as Record<ResetField, ResetFieldError | null>);

export const DEFAULT_RESET_CONFIG: ResetPasswordConfig = { methods: ['sms'], encrypt: 'none', countdown: 60, codeLength: 6 };

export class ResetPasswordFlow extends CodeTargetForm<ResetField, ResetPasswordState> {
  readonly config: ResetPasswordConfig;
  protected s: ResetPasswordState;
  protected readonly values = RESET_FIELDS.reduce((o, f) => ({ ...o, [f]: '' }), {} as Record<ResetField, string>);
  /** The single-use token of step 1: only here, never rendered, emitted or logged. */
  private token = '';
  /** The login's channel plumbing (send request, countdown keys) with the reset channel. */
  private readonly channels: LoginFormConfig;
  protected readonly countdowns: LoginCountdowns;

  constructor(private readonly host: ResetPasswordHost, config: Partial<ResetPasswordConfig> = {}, countdowns = new CountdownStore({ storage: null }), now: () => number = Date.now) {
    super();
    this.config = { ...DEFAULT_RESET_CONFIG, ...config, methods: parseResetMethods(config.methods) };
    this.channels = { ...DEFAULT_CONFIG, smsChannel: RESET_CHANNEL, emailChannel: RESET_CHANNEL, countdown: this.config.countdown };
    this.countdowns = new LoginCountdowns(countdowns, this.channels, now);
    this.s = {
      methods: this.config.methods,
      method: this.config.methods[0],
      step: 'verify',
      busy: null,
      errors: { ...NO_ERRORS },
      countryCode: '+86',
      countdownEndsAt: 0,
      emailCountdownEndsAt: 0,
      notice: null,
      passwordVisible: false,
    };
  }

  get state(): Readonly<ResetPasswordState> {
    return this.s;
  }

  /** Property changes (methods, encryption, countdown length). Renders once. */
  configure(patch: Partial<ResetPasswordConfig>): void {
    Object.assign(this.config, patch);
    if (patch.methods !== undefined) this.config.methods = parseResetMethods(patch.methods);
    this.channels.countdown = this.config.countdown;
    const methods = this.config.methods;
    this.s = { ...this.s, methods, method: methods.indexOf(this.s.method) >= 0 ? this.s.method : methods[0] };
    this.commit();
  }

  selectMethod(method: unknown): void {
    const m = method as CodeMethod;
    if (this.s.busy || this.s.step !== 'verify' || this.s.methods.indexOf(m) < 0 || m === this.s.method) return;
    this.s = { ...this.s, method: m, notice: null };
    this.commit();
  }

  /** "Back to login" (standalone: a `navigate` event; <authing-login> switches screen on it). */
  backToLogin(): void {
    if (this.s.busy) return;
    this.host.emit('navigate', { to: 'login' });
  }

  /** Step 2's "use another code": step 1 again, the target kept (the token is dropped). */
  restart(): void {
    if (this.s.busy || this.s.step === 'verify') return;
    this.token = '';
    this.s = { ...this.s, step: 'verify', errors: { ...NO_ERRORS }, notice: null };
    this.commit();
  }

  /** The send button: a reset code to the typed phone / email. */
  async sendCode(): Promise<void> {
    const method = this.s.method;
    if (!this.begin('send-code', checkSend(method, this.inputs()))) return;
    const c = CODE_CHANNELS[method];
    if (this.countdowns.remaining(method, this.s.countryCode, this.values[c.target]) > 0) {
      this.s = { ...this.s, busy: null };
      this.syncCountdown(method);
      this.commit();
      return;
    }
    this.commit();
    const target = this.values[c.target].trim();
    const countryCode = this.s.countryCode;
    const [err] = await this.request((client) => c.request(client, this.channels, target, countryCode));
    if (err) return this.fail('send-code', err);
    this.countdowns.start(method, countryCode, target);
    this.syncCountdown(method);
    this.settle({ tone: 'info', key: 'codeSent' });
    this.host.emit('send-code', c.sent(target, countryCode) as SendCodeEventDetail);
  }

  /** Step 1's button: the code → the reset token → step 2. */
  async verify(): Promise<void> {
    const method = this.s.method;
    if (this.s.step !== 'verify' || !this.begin('verify', checkVerify(method, this.inputs()))) return;
    this.commit();
    const [err, data] = await this.request((client) => client.verifyResetPasswordRequest(verifyRequest(method, this.inputs())));
    // A client of another build answering nothing: an unreadable answer, worded as any other.
    if (err || !data) return this.fail('verify', err || { code: 'bad_response', message: this.host.text('badResponse') });
    this.token = data.passwordResetToken;
    // The code is spent: an empty field if the user comes back to step 1.
    this.values[CODE_CHANNELS[method].code] = '';
    this.s = { ...this.s, step: 'password' };
    this.settle(null);
  }

  /** Step 2's button: the new password (twice, within the policy) with the token. */
  async reset(): Promise<void> {
    const method = this.s.method;
    if (this.s.step !== 'password' || !this.begin('reset', checkNewPassword(this.inputs()))) return;
    this.commit();
    const encrypt = this.config.encrypt;
    const body = { password: this.values.password, passwordResetToken: this.token, ...(encrypt !== 'none' ? { passwordEncryptType: encrypt } : {}) };
    const [err] = await this.request((client) => client.resetPassword(body));
    if (err) {
      if (err.apiCode !== RESET_TOKEN_INVALID) return this.fail('reset', err);
      // Expired or already used: step 1 again with a clear message; the target and the passwords stay typed.
      this.token = '';
      this.s = { ...this.s, step: 'verify', busy: null, errors: { ...NO_ERRORS }, notice: { tone: 'error', key: 'tokenExpired' } };
      this.commit();
      this.host.emit('error', errorDetail('reset-password', err, { method }));
      return;
    }
    this.token = '';
    const account = this.values[CODE_CHANNELS[method].target].trim();
    this.values.password = '';
    this.values.confirm = '';
    this.s = { ...this.s, step: 'done', passwordVisible: false };
    this.settle({ tone: 'success', key: 'resetDone' });
    this.host.emit('password-reset', { method, account });
  }

  // ---- internals ----

  /** Validation → busy. False (rendered) when the action cannot start. */
  private begin(busy: ResetBusy, problems: ResetProblems | null): boolean {
    if (this.s.busy) return false;
    if (problems) {
      this.s = { ...this.s, errors: { ...NO_ERRORS, ...problems }, notice: null };
      this.commit();
      return false;
    }
    this.s = { ...this.s, busy, errors: { ...NO_ERRORS }, notice: null };
    return true;
  }

  /** A request with the component's client (the client never throws; a missing one is a failure). */
  private async request<T>(call: (client: AuthingClient) => Promise<Result<T> | [ErrorData | null, unknown]>): Promise<[ErrorData | null, T | undefined]> {
    const [clientErr, client] = this.host.getClient();
    if (clientErr || !client) return [clientErr || { message: 'no client' }, undefined];
    const [err, data] = await call(client);
    return [err, data as T | undefined];
  }

  /** Success of a step: busy off, one render. */
  private settle(notice: Notice | null): void {
    this.s = { ...this.s, busy: null, notice };
    this.commit();
  }

  /** One display per failure: on the field it is about, else the form message. Always an `error` event. */
  private fail(busy: ResetBusy, error: ErrorData): void {
    const method = this.s.method;
    const field = failureField(method, busy, error);
    this.s = field
      ? { ...this.s, busy: null, errors: { ...NO_ERRORS, [field]: { error } } }
      : { ...this.s, busy: null, notice: { tone: 'error', error } };
    this.commit();
    this.host.emit('error', errorDetail(busy === 'send-code' ? 'send-code' : 'reset-password', error, { method }));
  }

  private inputs(): ResetInputs {
    return { values: this.values, countryCode: this.s.countryCode, codeLength: this.config.codeLength };
  }

  protected commit(): void {
    this.host.onChange(this.s);
  }
}
