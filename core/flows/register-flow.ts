// Flow of <authing-register>: sign-up by username / email + password, or by a phone / email code
// (`CHANNEL_REGISTER`), then the password sign-in right after (Authing's sign-up answers a user without
// tokens). Plain TS, no wx: unit-tested without a simulator (test/core/flows/register-flow.test.js).
//
// Render contract (as LoginForm): typing never renders unless a shown error goes away or a countdown
// changes; every other public call calls `host.onChange` at most once synchronously; a request calls it
// once more when it settles. What was typed survives every failure.
//
// The sign-up call comes with the opt-in journey entry: importing it here makes the component bundle
// require `../../journey` (its one copy), so `<authing-register>` works without the app requiring it.
import '../journey';
import type { AuthingClient, ErrorData, UserInfo } from '../types';
import type { Result } from '../errors';
import { ConsentGate } from './consent';
import { CountdownStore } from './countdown';
import { errorDetail } from './events';
import type { EventAction, RegisterEventDetail } from './events';
import { fieldOfError } from './field-errors';
import { CodeTargetForm } from './code-target-form';
import { LoginCountdowns } from './login-countdowns';
import { CODE_CHANNELS, loginDetail } from './login-requests';
import type { CodeChannel } from './login-requests';
import { parseEncrypt, parseFetchUserInfo } from './login-types';
import type { LoginFormConfig } from './login-types';
import { registerFields, signInPayload, signUpRequest, validateRegister } from './register-checks';
import type { RegisterInputs } from './register-checks';
import { DEFAULT_REGISTER_CONFIG, parseRegisterMethods, parseSignUpFields, registerChannelConfig } from './register-types';
import type { RegisterAction, RegisterConfig, RegisterMethod, RegisterNotice, RegisterState } from './register-types';

export * from './register-types';
export { parseEncrypt, parseFetchUserInfo };

export interface RegisterHost {
  getClient(): Result<AuthingClient>;
  onChange(state: RegisterState): void;
  emit(name: 'register' | 'login' | 'error' | 'send-code' | 'cancel' | 'agreement-change' | 'tab-change' | 'navigate', detail: object): void;
  /** Toast for a failure not about a field, or an info note. */
  notify(notice: RegisterNotice): void;
}

/** What the new account is known by, for the `register` event (never a password or a code). */
function registeredUser(user: UserInfo): RegisterEventDetail['user'] {
  const out: RegisterEventDetail['user'] = { id: String(user.userId) };
  if (user.username) out.username = user.username;
  if (user.email) out.email = user.email;
  if (user.phone) out.phone = user.phone;
  return out;
}

export class RegisterFlow extends CodeTargetForm<string, RegisterState> {
  readonly config: RegisterConfig;
  protected s: RegisterState;
  private readonly consent = new ConsentGate<RegisterAction>(false);
  /** Typed values live here, never in render state: typing must not re-render. */
  protected readonly values: Record<string, string> = { account: '', phone: '', code: '', email: '', emailCode: '', password: '', confirm: '' };
  private readonly channels: LoginFormConfig;
  protected readonly countdowns: LoginCountdowns;
  /** The account created when its sign-in failed: a retry signs in only (a second sign-up would be a duplicate). */
  private created = '';
  private life = 0;

  constructor(private readonly host: RegisterHost, config: Partial<RegisterConfig> = {}, countdowns = new CountdownStore({ storage: null }), now: () => number = Date.now) {
    super();
    this.config = { ...DEFAULT_REGISTER_CONFIG, ...config };
    this.config.methods = parseRegisterMethods(this.config.methods);
    this.config.fields = parseSignUpFields(this.config.fields);
    this.channels = registerChannelConfig(this.config.countdown);
    this.countdowns = new LoginCountdowns(countdowns, this.channels, now);
    this.consent.setRequired(this.config.consentRequired);
    if (this.config.agreed) this.consent.setAgreed(true);
    this.s = {
      methods: this.config.methods,
      method: this.pickMethod(this.config.defaultMethod),
      fields: this.config.fields,
      busy: null,
      errors: {},
      consent: this.consent.state,
      countryCode: '+86',
      countdownEndsAt: 0,
      emailCountdownEndsAt: 0,
      passwordVisible: false,
    };
  }

  get state(): Readonly<RegisterState> {
    return this.s;
  }

  /** Property changes: one render. */
  configure(patch: Partial<RegisterConfig>): void {
    const previousDefault = this.config.defaultMethod;
    Object.assign(this.config, patch);
    this.config.methods = parseRegisterMethods(this.config.methods);
    this.config.fields = parseSignUpFields(this.config.fields);
    this.channels.countdown = this.config.countdown;
    this.consent.setRequired(this.config.consentRequired);
    if (patch.agreed) this.consent.setAgreed(true);
    let method = this.s.method;
    if (this.config.methods.indexOf(method) < 0 || this.config.defaultMethod !== previousDefault) method = this.pickMethod(this.config.defaultMethod);
    this.s = { ...this.s, methods: this.config.methods, method, fields: this.config.fields, consent: this.consent.state };
    this.commit();
  }

  /** The sign-up form's extra fields (`fields`) are typed into too. */
  protected accepts(field: string): boolean {
    return super.accepts(field) || this.s.fields.indexOf(field as never) >= 0;
  }

  selectMethod(method: unknown): void {
    const m = method as RegisterMethod;
    if (this.s.methods.indexOf(m) < 0 || m === this.s.method) return;
    this.s = { ...this.s, method: m, errors: {} };
    this.commit();
    this.host.emit('tab-change', { method: m });
  }

  setAgreed(agreed: unknown): void {
    this.consent.setAgreed(!!agreed);
    this.s = { ...this.s, consent: this.consent.state };
    this.commit();
    this.host.emit('agreement-change', { agreed: !!agreed });
  }

  /** The main button: sign up, then sign in. */
  submit(): Promise<void> {
    return this.run('register');
  }

  /** The send button of the current code tab. */
  sendCode(): Promise<void> {
    return this.run('send-code');
  }

  /** "Agree" in the consent prompt: checks the box and continues the parked action. */
  agree(): Promise<void> {
    const pending = this.consent.agree();
    this.s = { ...this.s, consent: this.consent.state };
    this.host.emit('agreement-change', { agreed: true });
    if (!pending) {
      this.commit();
      return Promise.resolve();
    }
    return this.run(pending, true);
  }

  /** "Cancel" in the consent prompt. */
  dismiss(): void {
    const pending = this.consent.dismiss();
    this.s = { ...this.s, consent: this.consent.state };
    this.commit();
    if (pending) {
      this.host.notify({ type: 'info', key: 'consentCancelled' });
      this.host.emit('cancel', { action: this.eventAction(pending), method: this.s.method, reason: 'consent' });
    }
  }

  /** "Already have an account? Log in": the page (or the embedding login) shows the login. */
  navigate(to: unknown): void {
    if (this.s.busy) return;
    if (to === 'login' || to === 'reset-password') this.host.emit('navigate', { to });
  }

  /** The component went away: late answers must not render or emit. */
  detach(): void {
    this.life++;
  }

  // ---- internals ----

  private pickMethod(preferred: string): RegisterMethod {
    const methods = this.config.methods;
    return methods.indexOf(preferred as RegisterMethod) >= 0 ? (preferred as RegisterMethod) : methods[0];
  }

  protected commit(): void {
    this.host.onChange(this.s);
  }

  private inputs(): RegisterInputs {
    return { method: this.s.method, values: this.values, countryCode: this.s.countryCode, fields: this.s.fields, codeLength: this.config.codeLength };
  }

  private channel(): CodeChannel | null {
    return this.s.method === 'password' ? null : CODE_CHANNELS[this.s.method];
  }

  private eventAction(action: RegisterAction): EventAction {
    return action === 'send-code' ? 'send-code' : 'register';
  }

  /** validate → (countdown) → consent → request. `consented`: continuing after agree. */
  private async run(action: RegisterAction, consented = false): Promise<void> {
    if (this.s.busy) {
      if (consented) this.commit();
      return;
    }
    const channel = this.channel();
    if (action === 'send-code' && !channel) return;
    const problems = validateRegister(action, this.inputs());
    if (problems) {
      this.s = { ...this.s, errors: problems };
      this.commit();
      return;
    }
    if (channel && action === 'send-code' && this.countdowns.remaining(channel.method, this.s.countryCode, this.values[channel.target]) > 0) {
      this.syncCountdown(channel.method);
      this.commit();
      return;
    }
    if (!this.consent.request(action)) {
      this.s = { ...this.s, consent: this.consent.state, errors: {} };
      this.commit();
      return;
    }
    const [clientErr, client] = this.host.getClient();
    this.s = { ...this.s, busy: action, errors: {}, consent: this.consent.state };
    if (clientErr) return this.fail(action, clientErr);
    this.commit();
    const life = this.life;
    if (channel && action === 'send-code') await this.send(client, channel, life);
    else await this.register(client, life);
  }

  private async send(client: AuthingClient, c: CodeChannel, life: number): Promise<void> {
    const target = this.values[c.target].trim();
    const countryCode = this.s.countryCode;
    const [err] = await c.request(client, this.channels, target, countryCode);
    if (life !== this.life) return;
    if (err) return this.fail('send-code', err);
    this.countdowns.start(c.method, countryCode, target);
    this.s = { ...this.s, busy: null, [c.endsAt]: 0 };
    this.syncCountdown(c.method);
    this.commit();
    this.host.notify({ type: 'info', key: 'codeSent' });
    this.host.emit('send-code', c.sent(target, countryCode));
  }

  /** The sign-up (unless this very account was created by the last try), then the password sign-in. */
  private async register(client: AuthingClient, life: number): Promise<void> {
    const input = this.inputs();
    const method = input.method;
    const request = signUpRequest(input, this.config.encrypt);
    const key = JSON.stringify([method, request.passwordPayload || request.passCodePayload, this.s.countryCode]);
    if (this.created !== key) {
      const [err, user] = await client.signUp(request);
      if (life !== this.life) return;
      if (err) return this.fail('register', err);
      this.created = key;
      this.host.emit('register', { method, user: registeredUser(user) });
    }
    const scope = this.config.scope.trim();
    const options = { ...(scope ? { scope } : {}), ...(this.config.encrypt !== 'none' ? { passwordEncryptType: this.config.encrypt } : {}) };
    const [loginErr, loginState] = await client.loginByPassword({ passwordPayload: signInPayload(input), options });
    if (life !== this.life) return;
    if (loginErr) return this.fail('login', loginErr);
    const detail = await loginDetail(client, method, loginState, this.config.fetchUserInfo);
    if (life !== this.life) return;
    this.created = '';
    this.s = { ...this.s, busy: null };
    this.commit();
    this.host.emit('login', detail);
  }

  /** One display per failure: on the field it is about (no toast), else a toast. Always an `error` event. */
  private fail(action: RegisterAction | 'login', error: ErrorData): void {
    const field = action === 'login' ? null : fieldOfError(error, registerFields(action, this.s.method, this.s.fields));
    this.s = { ...this.s, busy: null, errors: field ? { [field]: { error } } : this.s.errors };
    this.commit();
    if (!field) this.host.notify({ type: 'error', error });
    const eventAction: EventAction = action === 'login' ? 'login' : this.eventAction(action);
    this.host.emit('error', errorDetail(eventAction, error, { method: this.s.method }));
  }
}
