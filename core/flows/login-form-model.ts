// The state side of the <authing-login> flow: configuration, render state, the typed values, the resend
// countdowns and the tab preparation, with the calls that only change them (typing, country code, password
// visibility, property changes, restore after a page comes back; the code-target part is CodeTargetForm,
// core/flows/code-target-form.ts). The user's actions — validation, consent,
// requests, events — are the LoginForm subclass (core/flows/login-form.ts). Plain TS, no wx.

import { ConsentGate } from './consent';
import { CountdownStore } from './countdown';
import { SignInGuard } from './sign-in-guard';
import type { SignInGuardState } from './sign-in-guard';
import type { LoginInputs } from './login-checks';
import { LoginCountdowns } from './login-countdowns';
import { CodeTargetForm } from './code-target-form';
import { NO_ERRORS } from './login-requests';
import { DEFAULT_CONFIG, parseMethods } from './login-types';
import type { LoginAction, LoginField, LoginFormConfig, LoginFormHost, LoginFormState, LoginMethod } from './login-types';
import { TabPreparation } from './tab-preparation';

export class LoginFormModel extends CodeTargetForm<LoginField, LoginFormState> {
  readonly config: LoginFormConfig;
  protected s: LoginFormState;
  protected readonly consent: ConsentGate<LoginAction>;
  /** Typed values live here, never in render state: typing must not re-render. */
  protected readonly values: Record<LoginField, string> = { account: '', password: '', phone: '', code: '', email: '', emailCode: '', captcha: '' };
  protected readonly preparation = new TabPreparation(() => this.host.getClient());
  protected readonly countdowns: LoginCountdowns;
  /** Captcha, tries left, lock of the password sign-in (core/flows/sign-in-guard.ts). */
  protected readonly guard: SignInGuard;

  constructor(protected readonly host: LoginFormHost, config: Partial<LoginFormConfig> = {}, countdowns = new CountdownStore({ storage: null }), now: () => number = Date.now) {
    super();
    this.config = { ...DEFAULT_CONFIG, ...config };
    this.config.methods = parseMethods(this.config.methods);
    this.countdowns = new LoginCountdowns(countdowns, this.config, now);
    this.guard = new SignInGuard(() => this.host.getClient(), now);
    this.consent = new ConsentGate<LoginAction>(this.config.consentRequired);
    this.s = {
      methods: this.config.methods,
      method: this.pickMethod(this.config.defaultMethod),
      busy: null,
      errors: { ...NO_ERRORS },
      consent: this.consent.state,
      countryCode: '+86',
      countdownEndsAt: 0,
      emailCountdownEndsAt: 0,
      passwordVisible: false,
      screen: 'login',
    };
  }

  get state(): Readonly<LoginFormState> {
    return this.s;
  }

  /** The captcha of the password form and what the last failure means (tries left, locked…). */
  get signIn(): Readonly<SignInGuardState> {
    return this.guard.state;
  }

  /** Property changes. Re-renders once if anything visible changed. */
  configure(patch: Partial<LoginFormConfig>): void {
    const previousDefault = this.config.defaultMethod;
    Object.assign(this.config, patch);
    this.config.methods = parseMethods(this.config.methods); // idempotent on the parsed list
    if (patch.consentRequired !== undefined) this.consent.setRequired(!!patch.consentRequired);
    const methods = this.config.methods;
    let method = this.s.method;
    // Keep the tab the user is on unless it disappeared or the host changed default-method.
    if (methods.indexOf(method) < 0 || this.config.defaultMethod !== previousDefault) method = this.pickMethod(this.config.defaultMethod);
    this.s = { ...this.s, methods, method, consent: this.consent.state };
    this.commit();
    this.prepareVisible();
  }

  /** After attach: the running countdowns come back (CodeTargetForm.restore), then the visible tab's preparation starts. */
  restore(): void {
    super.restore();
    this.prepareVisible();
  }

  /** Typing the password starts the encryption's preparation if it has not run yet. */
  protected typed(field: LoginField): void {
    if (field === 'password') this.prepareVisible();
  }

  protected pickMethod(preferred: string): LoginMethod {
    const methods = this.config.methods;
    return methods.indexOf(preferred as LoginMethod) >= 0 ? (preferred as LoginMethod) : methods[0];
  }

  protected commit(): void {
    this.host.onChange(this.s);
  }

  protected inputs(): LoginInputs {
    const captchaShown = !!this.guard.state.captcha;
    return { values: this.values, countryCode: this.s.countryCode, captchaShown, passwordOptions: this.guard.options(this.values.captcha) };
  }

  /** The visible tab's preparation (encryption / WeChat code). */
  protected prepareVisible(): void {
    this.preparation.show(this.s.method, this.config.encrypt);
  }

  /** The form is no longer shown (component detached): stop keeping a code fresh. */
  hidden(): void {
    this.preparation.hide();
  }
}
