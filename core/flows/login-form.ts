// Flow logic of <authing-login>: the user's actions — tab choice, validation, consent gating, the pending
// action, the in-flight guard, the requests (core/flows/login-actions.ts) and what they show and emit — over
// the state kept by LoginFormModel (core/flows/login-form-model.ts). Plain TS, no wx and no component: the component feeds events in and renders `state`, so all of it is unit-tested without a
// simulator (test/core/flows/login-form.test.js).
//
// Render contract: every public method changes `state` and then calls `host.onChange` AT MOST ONCE
// synchronously; an action that awaits the server calls it once more when it settles. Typing into a
// field never calls it unless a visible error has to disappear.

import type { ErrorData } from '../types';
import { actionFields, validateAction } from './login-checks';
import { performAction } from './login-actions';
import type { ActionOutcome } from './login-actions';
import { fieldOfError } from './field-errors';
import { LoginFormModel } from './login-form-model';
import { classifyPhoneResult } from './phone-button';
import { CODE_CHANNELS, NO_ERRORS, codeChannelOf, eventAction, eventMethod } from './login-requests';
import { errorDetail } from './events';
import type { PasswordResetEventDetail } from './events';
import { LOGIN_SCREENS } from './login-types';
import type { BeforeLoginHook, CancelReason, LoginAction, LoginDetail, LoginMethod, LoginScreen } from './login-types';
import type { MfaChallenge } from '../journey';
import { challengeOver } from './mfa-factors';
import type { ErrorEventDetail, EventMethod } from './events';

export * from './login-types';

export class LoginForm extends LoginFormModel {
  private phoneCode = '';
  private beforeLogin: BeforeLoginHook | null = null;
  /** The `login` detail held back while the bind-phone step shows. */
  private awaitingPhone: LoginDetail | null = null;

  /** The MFA step in progress: its challenge (with the short-lived mfaToken) and the first step's method. */
  private mfa: { challenge: MfaChallenge; method: EventMethod } | null = null;

  /** What the embedded <authing-mfa> needs while the 'mfa' screen shows. */
  get mfaStep(): Readonly<{ challenge: MfaChallenge; method: EventMethod }> | null {
    return this.mfa;
  }

  setBeforeLogin(hook: BeforeLoginHook | null): void {
    this.beforeLogin = typeof hook === 'function' ? hook : null;
  }

  selectMethod(method: unknown): void {
    const m = method as LoginMethod;
    if (this.s.methods.indexOf(m) < 0 || m === this.s.method) return;
    this.s = { ...this.s, method: m };
    this.commit();
    this.prepareVisible();
    this.host.emit('tab-change', { method: m });
  }

  /**
   * Shows another screen in place of the form (a step's own link, e.g. "sign up", or the flow itself, e.g. the
   * MFA step) or the form again ('login'). Not while a request is in flight; unknown names are ignored.
   */
  showScreen(screen: unknown): void {
    const next = screen as LoginScreen;
    if (this.s.busy || LOGIN_SCREENS.indexOf(next) < 0 || next === this.s.screen) return;
    this.s = { ...this.s, screen: next, errors: { ...NO_ERRORS } };
    this.commit();
    if (next === 'login') this.prepareVisible();
    this.host.emit('screen-change', { screen: next });
  }

  /** The bind-phone step bound a phone: back to the form, then the held-back `login` with `phoneBound`. */
  phoneBound(): void {
    const detail = this.awaitingPhone;
    if (!detail || this.s.screen !== 'bind-phone') return;
    this.awaitingPhone = null;
    this.showScreen('login');
    this.host.emit('login', { ...detail, phoneBound: true });
  }

  /** The bind-phone step was skipped (`optional` only): the skip is reported, then the held-back `login`. */
  phoneSkipped(): void {
    const detail = this.awaitingPhone;
    if (!detail || this.s.screen !== 'bind-phone' || this.config.phoneBinding !== 'optional') return;
    this.awaitingPhone = null;
    this.showScreen('login');
    this.host.emit('cancel', { action: 'bind-phone', reason: 'skip' });
    this.host.emit('login', detail);
  }

  /**
   * The embedded forgot-password step finished (its `password-reset` detail): the password tab again with
   * the account filled in, a "password changed" notice, and the event passed on.
   */
  passwordReset(detail: unknown): void {
    const d = detail as PasswordResetEventDetail | null;
    if (!d || typeof d.account !== 'string' || !d.account || this.s.busy) return;
    this.values.account = d.account;
    const method: LoginMethod = this.s.methods.indexOf('password') >= 0 ? 'password' : this.s.method;
    const changed = this.s.screen !== 'login';
    this.s = { ...this.s, method, screen: 'login', errors: { ...NO_ERRORS } };
    this.commit();
    this.prepareVisible();
    this.host.notify({ type: 'info', key: 'passwordResetDone' });
    if (changed) this.host.emit('screen-change', { screen: 'login' });
    this.host.emit('password-reset', { method: d.method, account: d.account });
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
    if (result.kind === 'privacy') {
      // WeChat's privacy authorization was just declined in its popup: no note on top, no request.
      this.commit();
      this.host.emit('cancel', { action: 'login', method: 'phone', reason: 'privacy' });
      return Promise.resolve();
    }
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

  // ---- internals ----

  /** validate → consent → (before-login) → request. `consented`: continuing after agree. */
  private async run(action: LoginAction, consented = false): Promise<void> {
    // One request however often the button is tapped: the guard lives here, not only in the disabled UI.
    if (this.s.busy) {
      if (consented) this.commit();
      return;
    }
    const problems = validateAction(action, this.inputs(), this.config.codeLength);
    if (problems) {
      this.s = { ...this.s, errors: { ...NO_ERRORS, ...problems } };
      this.commit();
      return;
    }
    const channel = codeChannelOf(action);
    const sending = channel && action === channel.send ? channel : null;
    if (sending && this.countdowns.remaining(sending.method, this.s.countryCode, this.values[sending.target]) > 0) {
      this.syncCountdown(sending.method);
      this.commit();
      return;
    }
    if (!this.consent.request(action)) {
      this.s = { ...this.s, consent: this.consent.state, errors: { ...NO_ERRORS } };
      this.commit();
      return;
    }
    this.s = { ...this.s, busy: action, errors: { ...NO_ERRORS }, consent: this.consent.state };
    this.commit();
    const phoneCode = this.phoneCode;
    this.phoneCode = '';
    let outcome: ActionOutcome;
    try {
      outcome = await performAction(action, {
        client: this.host.getClient(), config: this.config, inputs: this.inputs(), phoneCode, beforeLogin: this.beforeLogin,
        notConfigured: { message: this.host.message('notConfigured'), code: 'invalid_options' },
      });
    } catch (e) {
      // The client never throws; this is a bug in a host hook. Report it rather than leave the button stuck.
      outcome = { kind: 'failed', error: { message: e instanceof Error ? e.message : String(e) } };
    }
    if (action === 'password' && outcome.kind === 'failed') {
      // A fresh captcha (if one is shown) before the failure renders; its code goes with the old image.
      await this.guard.passwordFailed(outcome.error);
      this.values.captcha = '';
    } else if (action === 'password' && (outcome.kind === 'logged-in' || outcome.kind === 'mfa')) {
      this.guard.succeeded();
    }
    this.settle(action, outcome);
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

  /** A request settled: one render, then the notice and the event. */
  private settle(action: LoginAction, outcome: ActionOutcome): void {
    const method = eventMethod(action);
    this.s = { ...this.s, busy: null };
    if (outcome.kind === 'failed') return this.fail(action, outcome.error);
    if (outcome.kind === 'vetoed') {
      this.commit();
      this.host.notify({ type: 'info', key: 'vetoed' });
      this.host.emit('cancel', { action: 'login', method, reason: 'before-login' });
    } else if (outcome.kind === 'sent') {
      const c = outcome.channel;
      // The countdown starts only now, after the server accepted the send.
      this.countdowns.start(c.method, outcome.countryCode, outcome.target);
      this.s = { ...this.s, [c.endsAt]: 0 };
      this.syncCountdown(c.method);
      this.commit();
      this.host.notify({ type: 'info', key: 'codeSent' });
      this.host.emit('send-code', c.sent(outcome.target, outcome.countryCode));
    } else if (outcome.kind === 'bind-phone') {
      this.awaitingPhone = outcome.detail;
      this.showScreen('bind-phone');
    } else if (outcome.kind === 'mfa') {
      this.mfa = { challenge: outcome.challenge, method };
      this.showScreen('mfa');
    } else {
      this.commit();
      this.host.emit('login', outcome.detail);
    }
  }

  /** The MFA step logged the user in: back to the form, and `login` with the first step's method + the factor. */
  mfaLoggedIn(detail: unknown): void {
    const step = this.mfa;
    const d = detail as LoginDetail | null;
    if (!step || !d || !d.loginState) return;
    this.mfa = null;
    this.showScreen('login');
    this.host.emit('login', { ...d, method: step.method });
  }

  /**
   * A failure in the MFA step, already shown there: passed on as the form's `error`. When the step is over
   * (expired mfaToken) the form comes back with the message: sign in again.
   */
  mfaFailed(detail: unknown): void {
    const d = detail as ErrorEventDetail | null;
    if (!this.mfa || !d || !d.error) return;
    if (challengeOver(d.error)) {
      this.mfa = null;
      this.showScreen('login');
      this.host.notify({ type: 'info', key: 'mfaExpired' });
    }
    this.host.emit('error', d);
  }

  /** One display per failure: on the field it is about (no toast), else a toast. Always an `error` event. */
  private fail(action: LoginAction, error: ErrorData): void {
    const method = eventMethod(action);
    this.guard.noted(error, action === 'password');
    const field = fieldOfError(error, actionFields(action));
    this.s = { ...this.s, busy: null, errors: field ? { ...NO_ERRORS, [field]: { error } } : this.s.errors };
    this.commit();
    if (!field) this.host.notify({ type: 'error', method, error });
    this.host.emit('error', errorDetail(eventAction(action), error, { method }));
  }
}
