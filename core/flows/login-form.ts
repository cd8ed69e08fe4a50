// Flow logic of <authing-login>: tabs, field values and validation, consent gating, the pending action,
// the in-flight guard, the resend countdowns of the code methods (SMS and email) and the calls to the client. Plain TS, no wx and no
// component: the component feeds events in and renders `state`, so all of it is unit-tested without a
// simulator (test/core/flows/login-form.test.js).
//
// Render contract: every public method changes `state` and then calls `host.onChange` AT MOST ONCE
// synchronously; an action that awaits the server calls it once more when it settles. Typing into a
// field never calls it unless a visible error has to disappear.


import type { AuthingClient, ErrorData, LoginState } from '../types';
import { COUNTRY_CODES, validateSmsCode } from '../validate';
import type { Problem } from '../validate';
import { ConsentGate } from './consent';
import { CountdownStore, parseCountdownKey } from './countdown';
import { classifyPhoneResult } from './phone-button';
import {
  CODE_CHANNELS, CODE_METHODS, CodeChannel, NO_ERRORS, codeChannelOf, eventAction, eventMethod, loginDetail, sendLogin,
} from './login-requests';
import { DEFAULT_CONFIG, parseMethods, validateLoginAccount } from './login-types';
import { TabPreparation } from './tab-preparation';
import { SignInGuard } from './sign-in-guard';
import type { SignInGuardState } from './sign-in-guard';
import { errorDetail } from './events';
import type {
  BeforeLoginContext, BeforeLoginHook, CancelReason, CodeMethod, LoginAction, LoginField, LoginFormConfig, LoginFormHost, LoginFormState,
  LoginMethod,
} from './login-types';

export * from './login-types';

export class LoginForm {
  readonly config: LoginFormConfig;
  private s: LoginFormState;
  private readonly consent = new ConsentGate<LoginAction>(false);
  /** Typed values live here, never in render state: typing must not re-render. */
  private readonly values: Record<LoginField, string> = { account: '', password: '', phone: '', code: '', email: '', emailCode: '', captcha: '' };
  private phoneCode = '';
  private readonly preparation = new TabPreparation(() => this.host.getClient());
  private beforeLogin: BeforeLoginHook | null = null;
  /** Captcha, tries left, lock (core/flows/sign-in-guard.ts). */
  private readonly guard = new SignInGuard(() => this.host.getClient(), () => this.now());

  constructor(private readonly host: LoginFormHost, config: Partial<LoginFormConfig> = {}, private readonly countdowns = new CountdownStore({ storage: null }), private readonly now: () => number = Date.now) {
    this.config = { ...DEFAULT_CONFIG, ...config };
    this.config.methods = parseMethods(this.config.methods);
    this.consent.setRequired(this.config.consentRequired);
    this.s = {
      methods: this.config.methods,
      method: this.pickMethod(this.config.defaultMethod),
      busy: null,
      errors: { ...NO_ERRORS },
      formError: null,
      consent: this.consent.state,
      countryCode: '+86',
      countdownEndsAt: 0,
      emailCountdownEndsAt: 0,
      passwordVisible: false,
    };
  }

  get state(): Readonly<LoginFormState> {
    return this.s;
  }

  /** The captcha of the password form and what the last failure means (tries left, locked…). */
  get signIn(): Readonly<SignInGuardState> {
    return this.guard.state;
  }

  /** The tap on the captcha image: a new one (the typed code goes with the old). One render now, one when it arrives. */
  async refreshCaptcha(): Promise<void> {
    if (this.s.busy || this.guard.state.captchaLoading) return;
    const loading = this.guard.refresh();
    this.values.captcha = '';
    this.commit();
    await loading;
    this.commit();
  }

  /** A field's current value (what the user typed). */
  value(field: LoginField): string {
    return this.values[field];
  }

  setBeforeLogin(hook: BeforeLoginHook | null): void {
    this.beforeLogin = typeof hook === 'function' ? hook : null;
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
    let changed = false;
    for (const m of CODE_METHODS) {
      const c = CODE_CHANNELS[m];
      const latest = this.countdowns.latest(c.prefix(this.config), this.config.countdown);
      const parsed = latest && parseCountdownKey(latest.key);
      if (!parsed || !parsed.target) continue;
      this.values[c.target] = parsed.target;
      this.s = { ...this.s, [c.endsAt]: latest!.endsAt };
      if (m === 'sms') {
        const countryCode = COUNTRY_CODES.some((cc) => cc.code === parsed.countryCode) ? parsed.countryCode : '+86';
        this.s = { ...this.s, countryCode };
      }
      changed = true;
    }
    if (changed) this.commit();
    this.prepareVisible();
  }

  /** Typing. Re-renders only when a shown error goes away or a code target's countdown state changes. */
  input(field: LoginField, value: unknown): void {
    this.values[field] = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
    if (field === 'password') this.prepareVisible();
    let changed = false;
    if (this.s.errors[field] || this.s.formError) {
      this.s = { ...this.s, errors: { ...this.s.errors, [field]: null }, formError: null };
      changed = true;
    }
    for (const m of CODE_METHODS) {
      if (CODE_CHANNELS[m].target === field) changed = this.syncCountdown(m) || changed;
    }
    if (changed) this.commit();
  }

  selectMethod(method: unknown): void {
    const m = method as LoginMethod;
    if (this.s.methods.indexOf(m) < 0 || m === this.s.method) return;
    this.s = { ...this.s, method: m, formError: null };
    this.commit();
    this.prepareVisible();
    this.host.emit('tab-change', { method: m });
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

  /** The agreement checkbox. */
  setAgreed(agreed: unknown): void {
    this.consent.setAgreed(!!agreed);
    this.s = { ...this.s, consent: this.consent.state };
    this.commit();
    this.host.emit('agreement-change', { agreed: !!agreed });
  }

  /** The main button of the current tab. */
  submit(): Promise<void> {
    return this.run(this.s.method);
  }

  /** The send button of the current code tab (the SMS one when the current tab has no code). */
  sendCode(): Promise<void> {
    return this.run(CODE_CHANNELS[this.s.method === 'email' ? 'email' : 'sms'].send);
  }

  wechatLogin(): Promise<void> {
    return this.run('wechat');
  }

  /** The phone button while it is NOT an open-type button (consent missing): opens the prompt. */
  phoneTap(): Promise<void> {
    if (this.s.busy) return Promise.resolve();
    if (!this.consent.request('phone')) {
      this.s = { ...this.s, consent: this.consent.state };
      this.commit();
    }
    return Promise.resolve();
  }

  /** The `getphonenumber` event of the (open-type) phone button. */
  phoneResult(detail: unknown): Promise<void> {
    if (this.s.busy) return Promise.resolve();
    const result = classifyPhoneResult(detail);
    if (result.kind !== 'ok') {
      // The user said no, or WeChat could not give a number: calm note, a cancel event, no request.
      const reason: CancelReason = result.kind === 'deny' ? 'deny' : 'unavailable';
      this.commit();
      this.host.notify({ type: 'info', key: reason === 'deny' ? 'phoneDenied' : 'phoneUnavailable' });
      const extra = result.kind === 'deny' ? {} : { errMsg: result.errMsg };
      this.host.emit('cancel', { action: 'login', method: 'phone', reason, ...extra });
      return Promise.resolve();
    }
    this.phoneCode = result.code;
    return this.run('phone');
  }

  /** "Agree" in the consent prompt: checks the box and continues the parked action. */
  agree(): Promise<void> {
    const pending = this.consent.agree();
    this.s = { ...this.s, consent: this.consent.state };
    this.host.emit('agreement-change', { agreed: true });
    // The phone action cannot be resumed from code: WeChat opens its dialog only from an open-type button
    // tap, so the prompt's agree button is itself an open-type button and its event goes to agreePhone().
    if (!pending || pending === 'phone') {
      this.commit();
      return Promise.resolve();
    }
    return this.run(pending, true);
  }

  /** The prompt's agree button when the parked action is the phone login (its getphonenumber event). */
  agreePhone(detail: unknown): Promise<void> {
    this.consent.agree();
    this.s = { ...this.s, consent: this.consent.state };
    this.host.emit('agreement-change', { agreed: true });
    return this.phoneResult(detail);
  }

  /** "Cancel" in the consent prompt. */
  dismiss(): void {
    const pending = this.consent.dismiss();
    this.s = { ...this.s, consent: this.consent.state };
    this.commit();
    if (pending) {
      this.host.notify({ type: 'info', key: 'consentCancelled' });
      this.host.emit('cancel', { action: eventAction(pending), method: eventMethod(pending), reason: 'consent' });
    }
  }

  /** Timer-driven (a countdown display finished): re-enables its send button. */
  countdownTick(): void {
    let changed = false;
    for (const m of CODE_METHODS) changed = this.syncCountdown(m) || changed;
    if (changed) this.commit();
  }

  // ---- internals ----

  private pickMethod(preferred: string): LoginMethod {
    const methods = this.config.methods;
    return methods.indexOf(preferred as LoginMethod) >= 0 ? (preferred as LoginMethod) : methods[0];
  }

  private commit(): void {
    this.host.onChange(this.s);
  }

  /** The countdown key of a code method's target now typed. */
  private countdownKeyNow(m: CodeMethod): string {
    const c = CODE_CHANNELS[m];
    return c.key(this.config, this.s.countryCode, this.values[c.target].trim());
  }

  /** Recomputes the countdown of a code method's target now typed; true when it changed. */
  private syncCountdown(m: CodeMethod): boolean {
    const c = CODE_CHANNELS[m];
    const left = this.values[c.target].trim() ? this.countdowns.remaining(this.countdownKeyNow(m), this.config.countdown) : 0;
    const endsAt = left > 0 ? this.now() + left : 0;
    const before = this.s[c.endsAt];
    // Same countdown, re-read a few ms later: keep the old value so nothing re-renders.
    if ((before === 0 && endsAt === 0) || (before !== 0 && endsAt !== 0 && Math.abs(before - endsAt) < 1000)) return false;
    this.s = { ...this.s, [c.endsAt]: endsAt };
    return true;
  }

  private validate(action: LoginAction): Partial<Record<LoginField, Problem>> | null {
    const problems: Partial<Record<LoginField, Problem>> = {};
    const v = this.values;
    if (action === 'password') {
      const a = validateLoginAccount(v.account);
      if (a) problems.account = a;
      // Login checks presence only: the password policy belongs to registration, not to signing in.
      if (!v.password) problems.password = { key: 'required', params: { field: 'password' } };
      if (this.guard.state.captcha && !v.captcha.trim()) problems.captcha = { key: 'required', params: { field: 'captcha' } };
    } else {
      const c = codeChannelOf(action);
      if (c) {
        const p = c.validate(v[c.target].trim(), this.s.countryCode);
        if (p) problems[c.target] = p;
        if (action === c.method) {
          const code = validateSmsCode(v[c.code].trim(), this.config.codeLength);
          if (code) problems[c.code] = code;
        }
      }
    }
    return Object.keys(problems).length ? problems : null;
  }

  /** validate → consent → (before-login) → request. `consented`: continuing after agree. */
  private async run(action: LoginAction, consented = false): Promise<void> {
    // One request however often the button is tapped: the guard lives here, not only in the disabled UI.
    if (this.s.busy) {
      if (consented) this.commit();
      return;
    }
    const problems = this.validate(action);
    if (problems) {
      this.s = { ...this.s, errors: { ...NO_ERRORS, ...problems }, formError: null };
      this.commit();
      return;
    }
    const channel = codeChannelOf(action);
    const sending = channel && action === channel.send ? channel : null;
    if (sending && this.countdowns.remaining(this.countdownKeyNow(sending.method), this.config.countdown) > 0) {
      this.syncCountdown(sending.method);
      this.commit();
      return;
    }
    if (!this.consent.request(action)) {
      this.s = { ...this.s, consent: this.consent.state, errors: { ...NO_ERRORS } };
      this.commit();
      return;
    }
    this.s = { ...this.s, busy: action, errors: { ...NO_ERRORS }, formError: null, consent: this.consent.state };
    this.commit();
    try {
      if (sending) await this.doSendCode(sending);
      else await this.doLogin(action);
    } catch (e) {
      // The client never throws; this is a bug in a host hook. Report it rather than leave the button stuck.
      this.fail(action, { message: e instanceof Error ? e.message : String(e) });
    }
  }

  private client(): AuthingClient | undefined {
    return this.host.getClient();
  }

  /** The visible tab's preparation (encryption / WeChat code). */
  private prepareVisible(): void {
    this.preparation.show(this.s.method, this.config.encrypt);
  }

  /** The form is no longer shown (component detached): stop keeping a code fresh. */
  hidden(): void {
    this.preparation.hide();
  }

  private fail(action: LoginAction, error: ErrorData): void {
    const method = eventMethod(action);
    this.guard.noted(error, action === 'password');
    this.s = { ...this.s, busy: null, formError: error };
    this.commit();
    this.host.notify({ type: 'error', method, error });
    this.host.emit('error', errorDetail(eventAction(action), error, { method }));
  }

  private notConfigured(): ErrorData {
    return { message: this.host.message('notConfigured'), code: 'invalid_options' };
  }

  private async doSendCode(c: CodeChannel): Promise<void> {
    const client = this.client();
    if (!client) return this.fail(c.send, this.notConfigured());
    const target = this.values[c.target].trim();
    const countryCode = this.s.countryCode;
    const [err] = await c.request(client, this.config, target, countryCode);
    if (err) return this.fail(c.send, err);
    // The countdown starts only now, after the server accepted the send.
    this.countdowns.start(c.key(this.config, countryCode, target), this.config.countdown);
    this.s = { ...this.s, busy: null, [c.endsAt]: 0 };
    this.syncCountdown(c.method);
    this.commit();
    this.host.notify({ type: 'info', key: 'codeSent' });
    this.host.emit('send-code', c.sent(target, countryCode));
  }

  private async vetoed(action: LoginAction): Promise<boolean> {
    if (!this.beforeLogin) return false;
    const method = eventMethod(action);
    const ctx: BeforeLoginContext = { method };
    if (action === 'password') ctx.account = this.values.account.trim();
    if (action === 'sms') { ctx.phone = this.values.phone.trim(); ctx.countryCode = this.s.countryCode; }
    if (action === 'email') ctx.email = this.values.email.trim();
    let ok: boolean | void;
    try { ok = await this.beforeLogin(ctx); } catch (e) { ok = false; }
    return ok === false || (ok !== true && ok !== undefined);
  }

  private async doLogin(action: LoginAction): Promise<void> {
    const method = eventMethod(action);
    if (await this.vetoed(action)) {
      this.s = { ...this.s, busy: null };
      this.commit();
      this.host.notify({ type: 'info', key: 'vetoed' });
      this.host.emit('cancel', { action: 'login', method, reason: 'before-login' });
      return;
    }
    const client = this.client();
    if (!client) return this.fail(action, this.notConfigured());
    const phoneCode = this.phoneCode;
    this.phoneCode = '';
    const result = await sendLogin(client, action, this.config, { values: this.values, countryCode: this.s.countryCode, phoneCode, passwordOptions: this.guard.options(this.values.captcha) });
    if (result[0] && action === 'password') {
      // A fresh captcha (if one is shown) before the failure renders; its code goes with the old image.
      await this.guard.passwordFailed(result[0]);
      if (this.guard.state.captcha) this.values.captcha = '';
    }
    if (result[0]) return this.fail(action, result[0]);
    if (action === 'password') this.guard.succeeded();
    const loginState = result[1] as LoginState;
    const detail = await loginDetail(client, method, loginState, this.config.fetchUserInfo);
    this.s = { ...this.s, busy: null, formError: null };
    this.commit();
    this.host.emit('login', detail);
  }
}
