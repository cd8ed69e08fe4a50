// The one event vocabulary of the kit's components. Every component emits these shapes and only these,
// so a page handles `error` / `cancel` / `agreement-tap` / `login` the same way whichever component sent
// it. Documented for users in components/EVENTS.md; test/components/event-vocabulary.test.js checks every
// emitted detail against `EVENT_SHAPES`.

import type { ErrorData, LoginState, UserInfo } from '../types';

/** How the user logged in (or tried to). `phone` = WeChat's getPhoneNumber. */
export type EventMethod = 'password' | 'sms' | 'email' | 'wechat' | 'phone';

/**
 * What the user was doing when an `error` / `cancel` happened:
 * login · send-code (SMS / email code) · get-phone (phone number only) · load (profile read) ·
 * check (a file refused before upload) · upload · validate (a form refused before sending) · save ·
 * privacy (WeChat's privacy authorization) ·
 * reset-password (forgot password: verifying the code or setting the new password) ·
 * register (the sign-up request).
 */
export type EventAction = 'login' | 'send-code' | 'get-phone' | 'load' | 'check' | 'upload' | 'validate' | 'save'
  | 'bind-phone'
  | 'privacy'
  | 'verify-mfa'
  | 'reset-password'
  | 'register'
  // <authing-account>
  | 'update-password' | 'update-phone' | 'bind-email' | 'update-email' | 'delete-account' | 'logout';

/** The factor an MFA step was passed with (`login.mfa`). */
export type MfaMarker = 'sms' | 'email' | 'totp' | 'recovery-code';

/**
 * Why nothing happened: consent declined, WeChat's dialog declined, WeChat could not answer, host veto,
 * a step skipped, WeChat's privacy authorization declined (<authing-privacy-popup>).
 */
export type CancelReason = 'consent' | 'deny' | 'unavailable' | 'before-login'
  | 'skip'
  | 'privacy';

/** `login`: the user is logged in. `userInfo` when the component read the profile (fetch-user-info). */
export interface LoginEventDetail {
  method: EventMethod;
  loginState: LoginState;
  userInfo?: UserInfo;
  /** Where userInfo came from: the id_token's claims (no extra request) or get-profile (`fetch-user-info="full"`). */
  userInfoSource?: 'claims' | 'profile';
  /** A phone was bound in <authing-login>'s bind-phone step (after a WeChat login). */
  phoneBound?: true;
  /** Set only when the login went through an MFA step: the factor the user proved. */
  mfa?: MfaMarker;
}

/**
 * `error`: an action failed; the message is already on screen. `code` is `error.code` (or the
 * component's own reason, e.g. `not_image`), always set; `timeout` when the request ran out of time.
 */
export interface ErrorEventDetail {
  action: EventAction;
  method?: EventMethod;
  code: string;
  message: string;
  error: ErrorData;
  /** validate: field name → its message. */
  fields?: Record<string, string>;
  /** WeChat's errMsg / errno, for failures WeChat reported (no request was made). */
  errMsg?: string;
  errno?: number;
}

/** `cancel`: the action ended without a request, by the user's (or the host's) choice. */
export interface CancelEventDetail {
  action: EventAction;
  method?: EventMethod;
  reason: CancelReason;
  /** unavailable: WeChat's errMsg. */
  errMsg?: string;
}

/** `agreement-tap`: an agreement link was tapped (page paths are also opened with wx.navigateTo). */
export interface AgreementTapEventDetail {
  index: number;
  title: string;
  url: string;
}

/** `agreement-change`: the consent checkbox (or the prompt's agree button) changed the consent. */
export interface AgreementChangeEventDetail {
  agreed: boolean;
}

/** `register`: a new account was created (the sign-in right after it is the `login` event that follows). */
export interface RegisterEventDetail {
  method: 'password' | 'sms' | 'email';
  user: { id: string; username?: string; email?: string; phone?: string };
}

/** `password-reset`: a forgotten password was replaced; `account` is the phone or email it was proven with (fills a login form). */
export interface PasswordResetEventDetail {
  method: 'sms' | 'email';
  account: string;
}

/**
 * `navigate`: a standalone step's link ("back to login", "sign up", "forgot password"). Inside
 * <authing-login> the login switches screen instead and emits `screen-change`.
 */
export interface NavigateEventDetail {
  to: 'login' | 'register' | 'reset-password';
}

/** The `error` detail for `error` during `action`; `extra` adds method / fields / errMsg / a more specific code. */
export function errorDetail(action: EventAction, error: ErrorData, extra: Partial<ErrorEventDetail> = {}): ErrorEventDetail {
  return { action, code: error.code || 'unknown', message: error.message, error, ...extra };
}

/** Keys each shared event detail may carry (required ones first), for tests and docs. */
export const EVENT_SHAPES: Readonly<Record<'login' | 'error' | 'cancel' | 'agreement-tap' | 'agreement-change' | 'privacy' | 'navigate' | 'password-reset' | 'register' | 'account-change' | 'account-delete' | 'logout', { required: string[]; optional: string[] }>> = {
  login: { required: ['method', 'loginState'], optional: ['userInfo', 'userInfoSource', 'phoneBound', 'mfa'] },
  error: { required: ['action', 'code', 'message', 'error'], optional: ['method', 'fields', 'errMsg', 'errno'] },
  cancel: { required: ['action', 'reason'], optional: ['method', 'errMsg'] },
  'agreement-tap': { required: ['index', 'title', 'url'], optional: [] },
  'agreement-change': { required: ['agreed'], optional: [] },
  // <authing-privacy-popup> (bubbles out of every kit component that embeds one)
  privacy: { required: ['agreed'], optional: [] },
  navigate: { required: ['to'], optional: [] },
  'account-change': { required: ['action'], optional: ['userInfo'] },
  'account-delete': { required: [], optional: [] },
  logout: { required: [], optional: [] },
  'password-reset': { required: ['method', 'account'], optional: [] },
  register: { required: ['method', 'user'], optional: [] },
};
