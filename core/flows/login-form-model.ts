// The state side of the <authing-login> flow: configuration, render state, the typed values, the resend
// countdowns and the tab preparation, with the calls that only change them (typing, country code, password
// visibility, property changes, restore after a page comes back). The user's actions — validation, consent,
// requests, events — are the LoginForm subclass (core/flows/login-form.ts). Plain TS, no wx.

import { ConsentGate } from './consent';
import { CountdownStore } from './countdown';
import { SignInGuard } from './sign-in-guard';
import type { SignInGuardState } from './sign-in-guard';
import type { LoginInputs } from './login-checks';
import { LoginCountdowns, withCountdown, withRunningCountdowns } from './login-countdowns';
import { CODE_CHANNELS, CODE_METHODS, NO_ERRORS } from './login-requests';
import { DEFAULT_CONFIG, parseMethods } from './login-types';
import type { CodeMethod, LoginAction, LoginField, LoginFormConfig, LoginFormHost, LoginFormState, LoginMethod } from './login-types';
import { TabPreparation } from './tab-preparation';
import { COUNTRY_CODES } from '../validate';

export class LoginFormModel {
  readonly config: LoginFormConfig;
  protected s: LoginFormState;
  protected readonly consent = new ConsentGate<LoginAction>(false);
  /** Typed values live here, never in render state: typing must not re-render. */
  protected readonly values: Record<LoginField, string> = { account: '', password: '', phone: '', code: '', email: '', emailCode: '', captcha: '' };
  protected readonly preparation = new TabPreparation(() => this.host.getClient());
  protected readonly countdowns: LoginCountdowns;
  /** Captcha, tries left, lock of the password sign-in (core/flows/sign-in-guard.ts). */
  protected readonly guard: SignInGuard;

  constructor(protected readonly host: LoginFormHost, config: Partial<LoginFormConfig> = {}, countdowns = new CountdownStore({ storage: null }), now: () => number = Date.now) {
    this.config = { ...DEFAULT_CONFIG, ...config };
    this.config.methods = parseMethods(this.config.methods);
    this.countdowns = new LoginCountdowns(countdowns, this.config, now);
    this.guard = new SignInGuard(() => this.host.getClient(), now);
    this.consent.setRequired(this.config.consentRequired);
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

  /** A field's current value (what the user typed). */
  value(field: LoginField): string {
    return this.values[field];
  }

  /** Property changes. Re-renders once if anything visible changed. */
  configure(patch: Partial<LoginFormConfig>): void {
    const previousDefault = this.config.defaultMethod;
    Object.assign(this.config, patch);
    if (patch.methods !== undefined) this.config.methods = parseMethods(patch.methods);
    if (patch.consentRequired !== undefined) this.consent.setRequired(!!patch.consentRequired);
    const methods = this.config.methods;
    let method = this.s.method;
    // Keep the tab the user is on unless it disappeared or the host changed default-method.
    if (methods.indexOf(method) < 0 || this.config.defaultMethod !== previousDefault) method = this.pickMethod(this.config.defaultMethod);
    this.s = { ...this.s, methods, method, consent: this.consent.state };
    if (patch.encrypt !== undefined) this.preparation.reset();
    this.commit();
    this.prepareVisible();
  }

  /**
   * After attach: starts the preparation of the visible tab (encryption / WeChat code), and brings back the resend countdowns still running for the code channels (the user left
   * the page and came back) and their targets (`value('phone')` / `value('email')`, for the view to put
   * into the inputs). One render at most.
   */
  restore(): void {
    const restored = withRunningCountdowns(this.s, this.countdowns, this.values);
    if (restored) {
      this.s = restored;
      this.commit();
    }
    this.prepareVisible();
  }

  /** Typing. Re-renders only when the field's shown error goes away or a code target's countdown state changes. */
  input(field: LoginField, value: unknown): void {
    this.values[field] = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
    if (field === 'password') this.prepareVisible();
    let changed = false;
    if (this.s.errors[field]) {
      this.s = { ...this.s, errors: { ...this.s.errors, [field]: null } };
      changed = true;
    }
    for (const m of CODE_METHODS) {
      if (CODE_CHANNELS[m].target === field) changed = this.syncCountdown(m) || changed;
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

  protected pickMethod(preferred: string): LoginMethod {
    const methods = this.config.methods;
    return methods.indexOf(preferred as LoginMethod) >= 0 ? (preferred as LoginMethod) : methods[0];
  }

  protected commit(): void {
    this.host.onChange(this.s);
  }

  /** Recomputes the countdown of a code method's target now typed; true when it changed. */
  protected syncCountdown(m: CodeMethod): boolean {
    const next = withCountdown(this.s, m, this.countdowns, this.values);
    if (next === this.s) return false;
    this.s = next;
    return true;
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
