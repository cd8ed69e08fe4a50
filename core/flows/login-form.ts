// Flow logic of <authing-login>: tabs, field values and validation, consent gating, the pending action,
// the in-flight guard, the resend countdowns of the code methods (SMS and email) and the calls to the client. Plain TS, no wx and no
// component: the component feeds events in and renders `state`, so all of it is unit-tested without a
// simulator (test/core/flows/login-form.test.js).
//
// Render contract: every public method changes `state` and then calls `host.onChange` AT MOST ONCE
// synchronously; an action that awaits the server calls it once more when it settles. Typing into a
// field never calls it unless a visible error has to disappear.

import type {
  AuthingClient, EmailChannel, EncryptType, ErrorData, LoginState, PassCodePayload, PasswordPayload, SmsChannel, UserInfo,
} from '../types';
import { accountKind, validateAccount, validateEmail, validatePhone, validateSmsCode, COUNTRY_CODES } from '../validate';
import type { Problem } from '../validate';
import { ConsentGate } from './consent';
import type { ConsentState } from './consent';
import { CountdownStore, countdownKey, parseCountdownKey } from './countdown';
import { classifyPhoneResult } from './phone-button';

export type LoginMethod = 'password' | 'sms' | 'email' | 'wechat';
/** The "target + code" methods: send a code to a phone / an email address, then log in with it. */
export type CodeMethod = 'sms' | 'email';
/**
 * What a user can trigger; `phone` is the getPhoneNumber one-tap login inside the WeChat tab;
 * `send-code` / `send-email-code` send the code of the SMS / email tab.
 */
export type LoginAction = 'password' | 'sms' | 'email' | 'send-code' | 'send-email-code' | 'wechat' | 'phone';
/** The `method` of `login` / `error` / `cancel` event details. */
export type EventMethod = 'password' | 'sms' | 'email' | 'wechat' | 'phone';
export type LoginField = 'account' | 'password' | 'phone' | 'code' | 'email' | 'emailCode';
export type CancelReason = 'consent' | 'deny' | 'unavailable' | 'before-login';

/** Every method the form knows (`methods` may list any of them). */
export const LOGIN_METHODS: readonly LoginMethod[] = ['password', 'sms', 'email', 'wechat'];
/** The tabs when `methods` names none (email is opt-in). */
export const DEFAULT_METHODS: readonly LoginMethod[] = ['password', 'sms', 'wechat'];
export const DEFAULT_WECHAT_IDP = 'wechat-miniprogram';
/** Countdown "channel" of email codes: keys `email::<address>` never collide with SMS keys (`CHANNEL_…:+86:…`). */
export const EMAIL_COUNTDOWN_CHANNEL = 'email';

/** `['sms', 'password']`, `'sms, password'`, junk → known methods in the given order, deduplicated; none → the defaults. */
export function parseMethods(value: unknown): LoginMethod[] {
  const raw: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s|]+/) : [];
  const out: LoginMethod[] = [];
  for (const v of raw) {
    const m = typeof v === 'string' ? (v.trim().toLowerCase() as LoginMethod) : undefined;
    if (m && LOGIN_METHODS.indexOf(m) >= 0 && out.indexOf(m) < 0) out.push(m);
  }
  return out.length ? out : DEFAULT_METHODS.slice();
}

export function parseEncrypt(value: unknown): EncryptType {
  return value === 'rsa' || value === 'sm2' ? value : 'none';
}

/**
 * The account field takes a username, a phone number or an email. Anything with an `@` must be a valid
 * email (catches "alice@" typos that the username pattern would let through).
 */
export function validateLoginAccount(account: string): Problem | null {
  const value = account.trim();
  if (value && value.indexOf('@') >= 0 && accountKind(value) !== 'email') return validateEmail(value);
  return validateAccount(value);
}

/** The right `passwordPayload` field for an account string. */
export function passwordPayload(account: string, password: string): PasswordPayload {
  const value = account.trim();
  const kind = accountKind(value);
  if (kind === 'email') return { email: value, password };
  if (kind === 'phone') return { phone: value, password };
  return { username: value, password };
}

export interface LoginFormConfig {
  methods: LoginMethod[];
  /** Tab shown first; ignored when not in `methods`. */
  defaultMethod: LoginMethod | '';
  encrypt: EncryptType;
  autoRegister: boolean;
  /** OIDC scope of every login ('' = the server's default); add `offline_access` for a refresh token. */
  scope: string;
  fetchUserInfo: boolean;
  /** Resend countdown in seconds. */
  countdown: number;
  extIdpConnIdentifier: string;
  /** Agreements exist → consent gates every action. */
  consentRequired: boolean;
  codeLength: number;
  smsChannel: SmsChannel;
  emailChannel: EmailChannel;
}

export const DEFAULT_CONFIG: LoginFormConfig = {
  methods: DEFAULT_METHODS.slice(),
  defaultMethod: '',
  encrypt: 'none',
  autoRegister: false,
  scope: '',
  fetchUserInfo: true,
  countdown: 60,
  extIdpConnIdentifier: DEFAULT_WECHAT_IDP,
  consentRequired: false,
  codeLength: 6,
  smsChannel: 'CHANNEL_LOGIN',
  emailChannel: 'CHANNEL_LOGIN',
};

export interface LoginFormState {
  methods: LoginMethod[];
  method: LoginMethod;
  /** The action whose request is in flight (its button shows loading; every action is blocked). */
  busy: LoginAction | null;
  /** Field problems, language-neutral (the component translates them). */
  errors: Record<LoginField, Problem | null>;
  /** Server / network / client failure of the last action, shown in place until the next attempt or edit. */
  formError: ErrorData | null;
  consent: ConsentState<LoginAction>;
  countryCode: string;
  /** When the resend countdown of the phone now typed ends (ms epoch); 0 = none. */
  countdownEndsAt: number;
  /** The same for the email address now typed (email tab). */
  emailCountdownEndsAt: number;
  passwordVisible: boolean;
}

export interface LoginDetail {
  method: EventMethod;
  loginState: LoginState;
  userInfo?: UserInfo;
}

export interface BeforeLoginContext {
  method: EventMethod;
  /** password tab: the account typed (never the password) */
  account?: string;
  /** sms tab */
  phone?: string;
  countryCode?: string;
  /** email tab */
  email?: string;
}

/** Return false (or a promise of false) to veto; throwing also vetoes. */
export type BeforeLoginHook = (ctx: BeforeLoginContext) => boolean | void | Promise<boolean | void>;

export type LoginNotice =
  | { type: 'error'; method: EventMethod; error: ErrorData }
  | { type: 'info'; key: 'codeSent' | 'phoneDenied' | 'phoneUnavailable' | 'vetoed' | 'consentCancelled' };

export interface LoginFormHost {
  /** The client to use; `encrypt` is what the password call needs (so the host can supply an encryptor). */
  getClient(encrypt: EncryptType): AuthingClient | undefined;
  /** Re-render from `state`. Called at most once per public call (plus once when a request settles). */
  onChange(state: LoginFormState): void;
  /** Component events: login, error, send-code, tab-change, cancel. */
  emit(name: 'login' | 'error' | 'send-code' | 'tab-change' | 'cancel', detail: Record<string, unknown>): void;
  /** Toast / message for a notice. */
  notify(notice: LoginNotice): void;
  /** Readable message for a failure the kit detects itself ('notConfigured'). */
  message(key: 'notConfigured'): string;
}

const NO_ERRORS: Record<LoginField, Problem | null> = { account: null, password: null, phone: null, code: null, email: null, emailCode: null };

/**
 * One "target + code" method: where its values live, how the target is checked, sent to and logged in
 * with. Everything else (validation order, consent, busy guard, countdown, events) is shared.
 */
interface CodeChannel {
  method: CodeMethod;
  /** Its send action (`busy` while sending). */
  send: LoginAction;
  target: 'phone' | 'email';
  code: 'code' | 'emailCode';
  endsAt: 'countdownEndsAt' | 'emailCountdownEndsAt';
  /** Countdown key prefix of its channel (restore() picks the latest one under it). */
  prefix(config: LoginFormConfig): string;
  key(config: LoginFormConfig, countryCode: string, target: string): string;
  validate(target: string, countryCode: string): Problem | null;
  request(client: AuthingClient, config: LoginFormConfig, target: string, countryCode: string): Promise<[ErrorData | null, unknown]>;
  payload(target: string, code: string, countryCode: string): PassCodePayload;
  /** `send-code` event detail. */
  sent(target: string, countryCode: string): Record<string, unknown>;
}

const CODE_CHANNELS: Record<CodeMethod, CodeChannel> = {
  sms: {
    method: 'sms',
    send: 'send-code',
    target: 'phone',
    code: 'code',
    endsAt: 'countdownEndsAt',
    prefix: (config) => config.smsChannel + ':',
    key: (config, countryCode, phone) => countdownKey(config.smsChannel, countryCode, phone),
    validate: (phone, countryCode) => validatePhone(phone, countryCode),
    request: (client, config, phone, countryCode) => client.sendSms({ phoneNumber: phone, channel: config.smsChannel, phoneCountryCode: countryCode }),
    payload: (phone, passCode, countryCode) => ({ phone, passCode, phoneCountryCode: countryCode }),
    sent: (phone, countryCode) => ({ phone, countryCode }),
  },
  email: {
    method: 'email',
    send: 'send-email-code',
    target: 'email',
    code: 'emailCode',
    endsAt: 'emailCountdownEndsAt',
    prefix: () => EMAIL_COUNTDOWN_CHANNEL + ':',
    // Addresses are case-insensitive (the server lower-cases them), so is their countdown.
    key: (_config, _countryCode, email) => countdownKey(EMAIL_COUNTDOWN_CHANNEL, '', email.toLowerCase()),
    validate: (email) => validateEmail(email),
    request: (client, config, email) => client.sendEmailCode({ email, channel: config.emailChannel }),
    payload: (email, passCode) => ({ email, passCode }),
    sent: (email) => ({ email }),
  },
};
const CODE_METHODS = Object.keys(CODE_CHANNELS) as CodeMethod[];

/** The code method an action belongs to (its login or its send), if any. */
function codeChannelOf(action: LoginAction): CodeChannel | null {
  for (const m of CODE_METHODS) {
    const c = CODE_CHANNELS[m];
    if (action === c.method || action === c.send) return c;
  }
  return null;
}

function eventMethod(action: LoginAction): EventMethod {
  const c = codeChannelOf(action);
  return c ? c.method : (action as EventMethod);
}

export class LoginForm {
  readonly config: LoginFormConfig;
  private s: LoginFormState;
  private readonly consent = new ConsentGate<LoginAction>(false);
  /** Typed values live here, never in render state: typing must not re-render. */
  private readonly values: Record<LoginField, string> = { account: '', password: '', phone: '', code: '', email: '', emailCode: '' };
  private phoneCode = '';
  private beforeLogin: BeforeLoginHook | null = null;

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
    this.commit();
  }

  /**
   * After attach: brings back the resend countdowns still running for the code channels (the user left
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
  }

  /** Typing. Re-renders only when a shown error goes away or a code target's countdown state changes. */
  input(field: LoginField, value: unknown): void {
    this.values[field] = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
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
      this.host.emit('cancel', { method: 'phone', reason, ...extra });
      return Promise.resolve();
    }
    this.phoneCode = result.code;
    return this.run('phone');
  }

  /** "Agree" in the consent prompt: checks the box and continues the parked action. */
  agree(): Promise<void> {
    const pending = this.consent.agree();
    this.s = { ...this.s, consent: this.consent.state };
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
    return this.phoneResult(detail);
  }

  /** "Cancel" in the consent prompt. */
  dismiss(): void {
    const pending = this.consent.dismiss();
    this.s = { ...this.s, consent: this.consent.state };
    this.commit();
    if (pending) {
      this.host.notify({ type: 'info', key: 'consentCancelled' });
      this.host.emit('cancel', { method: eventMethod(pending), reason: 'consent' });
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

  private client(encrypt: EncryptType): AuthingClient | undefined {
    return this.host.getClient(encrypt);
  }

  private fail(action: LoginAction, error: ErrorData): void {
    const method = eventMethod(action);
    this.s = { ...this.s, busy: null, formError: error };
    this.commit();
    this.host.notify({ type: 'error', method, error });
    const c = codeChannelOf(action);
    // `action: 'send-code'` marks a failed send, whichever code method it was for.
    this.host.emit('error', c && action === c.send ? { method, action: 'send-code', error } : { method, error });
  }

  private notConfigured(): ErrorData {
    return { message: this.host.message('notConfigured'), code: 'invalid_options' };
  }

  private async doSendCode(c: CodeChannel): Promise<void> {
    const client = this.client('none');
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
      this.host.emit('cancel', { method, reason: 'before-login' });
      return;
    }
    const encrypt = action === 'password' ? this.config.encrypt : 'none';
    const client = this.client(encrypt);
    if (!client) return this.fail(action, this.notConfigured());
    const scope = this.config.scope.trim();
    const options: { autoRegister?: boolean; scope?: string } = {};
    if (this.config.autoRegister) options.autoRegister = true;
    if (scope) options.scope = scope;
    const wxOptions = scope ? { options: { scope } } : {};
    const idp = this.config.extIdpConnIdentifier || DEFAULT_WECHAT_IDP;
    let result: [ErrorData, undefined] | [null, LoginState];
    const code = codeChannelOf(action);
    if (code) {
      result = await client.loginByPassCode({
        passCodePayload: code.payload(this.values[code.target].trim(), this.values[code.code].trim(), this.s.countryCode),
        options,
      });
    } else if (action === 'password') {
      result = await client.loginByPassword({
        passwordPayload: passwordPayload(this.values.account, this.values.password),
        options: encrypt !== 'none' ? { ...options, passwordEncryptType: encrypt } : options,
      });
    } else if (action === 'wechat') {
      result = await client.loginByCode({ extIdpConnidentifier: idp, ...wxOptions });
    } else {
      const phoneCode = this.phoneCode;
      this.phoneCode = '';
      result = await client.loginByPhone({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: phoneCode } }, ...wxOptions });
    }
    if (result[0]) return this.fail(action, result[0]);
    const loginState = result[1] as LoginState;
    const detail: LoginDetail = { method, loginState };
    if (this.config.fetchUserInfo) {
      const [, userInfo] = await client.getUserInfo();
      if (userInfo) detail.userInfo = userInfo;
    }
    this.s = { ...this.s, busy: null, formError: null };
    this.commit();
    this.host.emit('login', detail as unknown as Record<string, unknown>);
  }
}
