// Types, defaults and pure helpers of the <authing-login> flow (core/flows/login-form.ts re-exports them).
import type { AuthingClient, EmailChannel, EncryptType, ErrorData, PasswordPayload, SmsChannel } from '../types';
import { accountKind, validateAccount, validateEmail } from '../validate';
import type { Problem } from '../validate';
import type { ConsentState } from './consent';
import type { FieldError } from './field-errors';

import type { CancelReason, EventMethod, LoginEventDetail } from './events';

export type LoginMethod = 'password' | 'sms' | 'email' | 'wechat';
/** The "target + code" methods: send a code to a phone / an email address, then log in with it. */
export type CodeMethod = 'sms' | 'email';
/**
 * What a user can trigger; `phone` is the getPhoneNumber one-tap login inside the WeChat tab;
 * `send-code` / `send-email-code` send the code of the SMS / email tab.
 */
export type LoginAction = 'password' | 'sms' | 'email' | 'send-code' | 'send-email-code' | 'wechat' | 'phone';
/** `captcha`: the image code the password form asks for after repeated failures. */
export type LoginField = 'account' | 'password' | 'phone' | 'code' | 'email' | 'emailCode' | 'captcha';
export type { EventMethod, CancelReason };
/**
 * What <authing-login> shows: the login form, or a step embedded in place (sign-up, forgot password, the MFA
 * step after a sign-in, binding a phone after a WeChat login). The form stays mounted under another screen,
 * so what was typed survives the trip.
 */
export type LoginScreen = 'login' | 'register' | 'reset-password' | 'mfa' | 'bind-phone';
export const LOGIN_SCREENS: readonly LoginScreen[] = ['login', 'register', 'reset-password', 'mfa', 'bind-phone'];

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

/**
 * After a WeChat code login of a user without a phone: 'off' → `login` at once; 'optional' → the bind-phone
 * step, skippable; 'required' → the bind-phone step, `login` only once a phone is bound.
 */
export type BindPhoneMode = 'off' | 'optional' | 'required';

export function parseBindPhoneMode(value: unknown): BindPhoneMode {
  return value === 'optional' || value === 'required' ? value : 'off';
}

/** How the `login` event's userInfo is filled: from the id_token's claims (no request), get-profile, or not at all. */
export type FetchUserInfo = boolean | 'full';

/** true / 'claims' / '' → claims; 'full' → get-profile; false / 'false' / 'none' → none. */
export function parseFetchUserInfo(value: unknown): FetchUserInfo {
  if (value === 'full') return 'full';
  return !(value === false || value === 'false' || value === 'none');
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
  /** true: userInfo from the id_token's claims (one request per login); 'full': get-profile after the login; false: none. */
  fetchUserInfo: FetchUserInfo;
  /** Resend countdown in seconds. */
  countdown: number;
  extIdpConnIdentifier: string;
  /** Agreements exist → consent gates every action. */
  consentRequired: boolean;
  codeLength: number;
  smsChannel: SmsChannel;
  emailChannel: EmailChannel;
  /** Ask a phoneless user for a phone after a WeChat code login (the bind-phone screen). */
  phoneBinding: BindPhoneMode;
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
  phoneBinding: 'off',
};

export interface LoginFormState {
  methods: LoginMethod[];
  method: LoginMethod;
  /** The action whose request is in flight (its button shows loading; every action is blocked). */
  busy: LoginAction | null;
  /**
   * Field errors, shown on their field until it is edited or the next attempt: problems found before the
   * request (language-neutral, the component translates them) or a server failure about that field.
   * Any other failure is a toast (host.notify), never shown in the form.
   */
  errors: Record<LoginField, FieldError | null>;
  consent: ConsentState<LoginAction>;
  countryCode: string;
  /** When the resend countdown of the phone now typed ends (ms epoch); 0 = none. */
  countdownEndsAt: number;
  /** The same for the email address now typed (email tab). */
  emailCountdownEndsAt: number;
  passwordVisible: boolean;
  /** The screen shown (the login form unless a step is embedded in its place). */
  screen: LoginScreen;
}

/** The `login` detail (the kit's one vocabulary, core/flows/events.ts). */
export type LoginDetail = LoginEventDetail;
/** `send-code`: the server accepted a code send (SMS tab: phone + country code; email tab: email). */
export interface SendCodeEventDetail { phone?: string; countryCode?: string; email?: string }
/** `tab-change`: the user switched tabs. */
export interface TabChangeEventDetail { method: LoginMethod }
/** `screen-change`: the login showed another screen in place (or came back to the form). */
export interface ScreenChangeEventDetail { screen: LoginScreen }

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
  | { type: 'info'; key: 'codeSent' | 'phoneDenied' | 'phoneUnavailable' | 'vetoed' | 'consentCancelled' | 'mfaExpired' | 'passwordResetDone' };

export interface LoginFormHost {
  /** The client to use (throws on malformed client properties). Encryption is chosen per call inside it. */
  getClient(): AuthingClient | undefined;
  /** Re-render from `state`. Called at most once per public call (plus once when a request settles). */
  onChange(state: LoginFormState): void;
  /** Component events: login, error, send-code, tab-change, screen-change, cancel, agreement-change (details: core/flows/events.ts). */
  emit(name: 'login' | 'error' | 'send-code' | 'tab-change' | 'screen-change' | 'cancel' | 'agreement-change' | 'password-reset', detail: object): void;
  /** Toast / message for a notice. */
  notify(notice: LoginNotice): void;
  /** Readable message for a failure the kit detects itself ('notConfigured'). */
  message(key: 'notConfigured'): string;
}
