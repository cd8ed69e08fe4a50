// Flow of <authing-phone-button>: consent gate → WeChat's phone dialog → getPhone / phone login. Plain TS,
// no wx: the component feeds taps and getphonenumber details in and renders `state`
// (test/core/flows/phone-button-flow.test.js).
//
// Render contract (as LoginForm): each public call changes `state` and calls `host.onChange` at most
// once synchronously; a request calls it once more when it settles.
//
// Consent works like the login dialog: before consent the button is a plain button whose tap opens the
// prompt, and the prompt's agree button is itself the open-type phone button, so agreeing opens WeChat's
// dialog in the same tap (WeChat opens it only from a tap on an open-type button).

import type { AuthingClient, ErrorData, PhoneInfo } from '../types';
import type { Result } from '../errors';
import { ConsentGate } from './consent';
import type { ConsentState } from './consent';
import { errorDetail } from './events';
import type { CancelEventDetail, ErrorEventDetail, EventAction, LoginEventDetail, AgreementChangeEventDetail } from './events';
import type { Notice, TextLookup } from './notice';
import { classifyPhoneResult, loginWithPhoneCode, phoneFailureError, phoneFailureKey } from './phone-button';

export type PhoneButtonMode = 'get-phone' | 'login';

export function normalizeMode(value: unknown): PhoneButtonMode {
  return value === 'login' ? 'login' : 'get-phone';
}

export interface PhoneButtonConfig {
  mode: PhoneButtonMode;
  idp: string;
  scope: string;
  /** Agreements exist and require-consent is on. */
  consentRequired: boolean;
  disabled: boolean;
}

export interface PhoneButtonState {
  /** A request is in flight: further phone events are ignored. */
  busy: boolean;
  consent: ConsentState<'phone'>;
  notice: Notice | null;
}

/** `phone` event detail (mode get-phone). */
export interface PhoneEventDetail { phoneInfo: PhoneInfo }

export interface PhoneButtonEvents {
  phone: PhoneEventDetail;
  login: LoginEventDetail;
  cancel: CancelEventDetail;
  error: ErrorEventDetail;
  'agreement-change': AgreementChangeEventDetail;
}

export interface PhoneButtonHost {
  /** The client, or the readable error to show (not configured / malformed properties). */
  getClient(): Result<AuthingClient>;
  onChange(state: PhoneButtonState): void;
  emit<K extends keyof PhoneButtonEvents>(name: K, detail: PhoneButtonEvents[K]): void;
  text: TextLookup;
}

export const DEFAULT_PHONE_BUTTON_CONFIG: PhoneButtonConfig = {
  mode: 'get-phone', idp: 'wechat-miniprogram', scope: '', consentRequired: false, disabled: false,
};

export class PhoneButtonFlow {
  readonly config: PhoneButtonConfig;
  private s: PhoneButtonState;
  private readonly gate = new ConsentGate<'phone'>(false);

  constructor(private readonly host: PhoneButtonHost, config: Partial<PhoneButtonConfig> = {}) {
    this.config = { ...DEFAULT_PHONE_BUTTON_CONFIG, ...config };
    this.gate.setRequired(this.config.consentRequired);
    this.s = { busy: false, consent: this.gate.state, notice: null };
  }

  get state(): Readonly<PhoneButtonState> {
    return this.s;
  }

  /** Before consent the button must not be an open-type button. */
  get gated(): boolean {
    return !this.gate.satisfied;
  }

  private get action(): EventAction {
    return this.config.mode === 'login' ? 'login' : 'get-phone';
  }

  configure(patch: Partial<PhoneButtonConfig>): void {
    Object.assign(this.config, patch);
    this.gate.setRequired(this.config.consentRequired);
    this.set({ consent: this.gate.state });
  }

  /** The consent checkbox. */
  setAgreed(agreed: unknown): void {
    this.gate.setAgreed(!!agreed);
    if (agreed && this.gate.state.prompting) this.gate.agree();
    this.set({ consent: this.gate.state, notice: null });
    this.host.emit('agreement-change', { agreed: !!agreed });
  }

  /** Tap on the plain stand-in shown before consent: opens the "please accept first" prompt. */
  gateTap(): void {
    if (this.s.busy || this.config.disabled) return;
    if (this.gate.request('phone')) return;
    this.set({ consent: this.gate.state, notice: null });
  }

  /** The prompt's agree button (an open-type button): consent, then the phone result of the same tap. */
  agreePhone(detail: unknown): Promise<void> {
    this.gate.agree();
    this.s = { ...this.s, consent: this.gate.state };
    this.host.emit('agreement-change', { agreed: true });
    return this.phoneResult(detail);
  }

  /** "Decline" in the prompt. */
  dismiss(): void {
    this.gate.dismiss();
    this.set({ consent: this.gate.state, notice: { tone: 'info', key: 'consentCancelled' } });
    this.host.emit('cancel', { action: this.action, method: 'phone', reason: 'consent' });
  }

  /** getphonenumber / getrealtimephonenumber of the open-type button. */
  phoneResult(detail: unknown): Promise<void> {
    if (this.s.busy || this.config.disabled) {
      this.set({});
      return Promise.resolve();
    }
    const result = classifyPhoneResult(detail);
    if (result.kind === 'privacy') {
      // The privacy popup was just declined: the user has seen enough; no message, no request.
      this.set({ notice: null });
      this.host.emit('cancel', { action: this.action, method: 'phone', reason: 'privacy' });
      return Promise.resolve();
    }
    if (result.kind === 'deny') {
      this.set({ notice: { tone: 'info', key: 'denied' } });
      this.host.emit('cancel', { action: this.action, method: 'phone', reason: 'deny' });
      return Promise.resolve();
    }
    if (result.kind !== 'ok') {
      const error = phoneFailureError(this.host.text(phoneFailureKey(result)));
      const extra: Partial<ErrorEventDetail> = { code: result.kind === 'fail' ? 'platform' : result.kind, errMsg: result.errMsg };
      if (typeof result.errno === 'number') extra.errno = result.errno;
      this.fail(error, extra);
      return Promise.resolve();
    }
    const [clientErr, client] = this.host.getClient();
    if (clientErr) {
      this.fail(clientErr);
      return Promise.resolve();
    }
    if (!this.config.idp) {
      this.fail({ message: this.host.text('missingIdp'), code: 'invalid_options' });
      return Promise.resolve();
    }
    this.set({ busy: true, notice: null });
    return this.exchange(client, result.code);
  }

  // ---- internals ----

  private set(patch: Partial<PhoneButtonState>): void {
    this.s = { ...this.s, ...patch };
    this.host.onChange(this.s);
  }

  private fail(error: ErrorData, extra: Partial<ErrorEventDetail> = {}): void {
    this.set({ busy: false, notice: { tone: 'error', error } });
    this.host.emit('error', errorDetail(this.action, error, { method: 'phone', ...extra }));
  }

  private async exchange(client: AuthingClient, code: string): Promise<void> {
    const broken = (): ErrorData => ({ message: this.host.text('platformFail'), code: 'bad_response' });
    if (this.config.mode === 'login') {
      const [err, loginState] = await loginWithPhoneCode(client, { idp: this.config.idp, code, scope: this.config.scope });
      if (err || !loginState) return this.fail(err || broken());
      this.set({ busy: false });
      this.host.emit('login', { method: 'phone', loginState });
      return undefined;
    }
    const [err, phoneInfo] = await client.getPhone({ extIdpConnidentifier: this.config.idp, code });
    if (err || !phoneInfo) return this.fail(err || broken());
    this.set({ busy: false });
    this.host.emit('phone', { phoneInfo });
    return undefined;
  }
}
