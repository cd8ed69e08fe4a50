// <authing-login>: the drop-in login form (password / SMS code / email code / WeChat tabs) on TDesign.
// A thin view over the LoginForm flow (core/flows/login-form.ts) through the kit wrapper
// (components/common/kit-component.ts): events go to the flow, its state comes back as ONE diffed setData
// per action. Typed values stay in the flow (never in `data`), so typing does not render.

import { resolveClient } from '../common/client';
import { kitComponent } from '../common/kit-component';
import { showToast } from '../common/toast';
import type { KitContext } from '../common/kit-component';
import { agreementTap } from '../common/agreements';
import type { TextTable } from '../common/texts';
import { syncCountdownTimer } from '../common/countdown-timer';
import { codeRowsView, consentView, pickedCountryCode } from '../common/code-form-view';
import { SPEC } from './spec';
import { LOGIN_TEXTS } from './texts';
import {
  LoginForm, parseBindPhoneMode, parseEncrypt, parseFetchUserInfo, parseMethods, DEFAULT_WECHAT_IDP,
} from '../../core/flows/login-form';
import type {
  BeforeLoginHook, LoginFormConfig, LoginMethod, LoginNotice, LoginField,
} from '../../core/flows/login-form';
import { normalizeAgreements } from '../../core/flows/consent';
import { sharedCountdowns } from '../../core/flows/countdown';
import { errorText, fieldErrorMessage, fieldFailureText } from '../common/failures';
import type { FieldError } from '../../core/flows/field-errors';
import type { ErrorData } from '../../core/types';
import { guardNoticeText } from '../../core/flows/sign-in-guard';

export type { BeforeLoginContext, BeforeLoginHook, LoginMethod } from '../../core/flows/login-form';
export type { LoginProperties, LoginEvents } from './api';
export type {
  LoginEventDetail, ErrorEventDetail, CancelEventDetail, AgreementTapEventDetail, AgreementChangeEventDetail, EventMethod, EventAction, CancelReason,
} from '../common/event-types';

type Ctx = KitContext<typeof SPEC, LoginForm>;


const TAB_TEXT: Record<LoginMethod, string> = { password: 'tabPassword', sms: 'tabSms', email: 'tabEmail', wechat: 'tabWechat' };

/** A short key per captcha image (djb2 over its data URI): the code input is re-created with each image. */
function imageKey(src: string): string {
  let h = 5381;
  for (let i = 0; i < src.length; i++) h = ((h << 5) + h + src.charCodeAt(i)) | 0;
  return `c${src.length}-${h >>> 0}`;
}


/** A field's error in the current texts: a problem (`{field}` names are texts too, e.g. `field_phone`) or a server failure. */
function fieldText(ctx: Ctx, t: TextTable, e: FieldError | null): string {
  // A server failure about this field: the form's own (overridable) wording, in the form's language —
  // Authing's defences first (tries left, wrong captcha), else the apiCode's text.
  return fieldErrorMessage(ctx.text, t, e, (error) => guardText(ctx, error) || fieldFailureText(t, error));
}

/** The localized meaning of Authing's defences (captcha, tries left, lock, too frequent) when `e` is one, else ''. */
function guardText(ctx: Ctx, e: ErrorData | null): string {
  const notice = ctx.flow.signIn.notice;
  return e && notice && notice.error === e ? guardNoticeText(notice, ctx.text, Date.now()) : '';
}

/** A failure's text: Authing's defences in the form's words when it is one, else the transport / server text. */
function failureText(ctx: Ctx, t: TextTable, e: ErrorData | null): string {
  return guardText(ctx, e) || errorText(t, e);
}

function flowConfig(ctx: Ctx): Partial<LoginFormConfig> {
  const p = ctx.props;
  return {
    methods: parseMethods(p.methods),
    defaultMethod: (p.defaultMethod as LoginMethod) || '',
    encrypt: parseEncrypt(p.encrypt),
    autoRegister: !!p.autoRegister,
    scope: p.scope || '',
    fetchUserInfo: parseFetchUserInfo(p.fetchUserInfo),
    countdown: p.countdown > 0 ? p.countdown : 60,
    extIdpConnIdentifier: p.extIdpConnIdentifier || DEFAULT_WECHAT_IDP,
    consentRequired: normalizeAgreements(p.agreements).length > 0,
    phoneBinding: parseBindPhoneMode(p.phoneBinding),
  };
}

function notify(ctx: Ctx, notice: LoginNotice): void {
  const t = ctx.texts();
  const message = notice.type === 'error' ? failureText(ctx, t, notice.error) : t[notice.key];
  showToast(ctx.instance, message, notice.type === 'error');
}

type InputEvent = WechatMiniprogram.CustomEvent<{ value?: unknown }>;
const input = (field: LoginField) => (ctx: Ctx, e: InputEvent) => ctx.flow.input(field, e.detail && e.detail.value);

kitComponent<typeof SPEC, LoginForm>({
  spec: SPEC,
  texts: LOGIN_TEXTS,
  create: (ctx) => new LoginForm({
    getClient: () => resolveClient(ctx.props),
    onChange: () => ctx.render(),
    emit: (name, detail) => ctx.emit(name, detail),
    notify: (notice) => notify(ctx, notice),
    message: (key) => ctx.texts()[key],
  }, flowConfig(ctx), sharedCountdowns()),
  // Brings back a resend countdown (and its phone) still running; the first render shows it.
  attached: (ctx) => ctx.flow.restore(),
  detached: (ctx) => ctx.flow.hidden(),
  pending: (flow) => flow.state.busy !== null,
  observers: {
    'methods, defaultMethod, encrypt, autoRegister, scope, fetchUserInfo, countdown, extIdpConnIdentifier, agreements, phoneBinding'(ctx) {
      ctx.flow.configure(flowConfig(ctx));
    },
  },
  /** Flow state (+ properties, texts, clock) → view model. */
  view(ctx, t) {
    const flow = ctx.flow;
    const s = flow.state;
    const codeRows = codeRowsView(s, t, ctx.lang(), flow.config.codeLength);
    syncCountdownTimer(ctx, codeRows.resendLeft > 0 || codeRows.emailResendLeft > 0, () => [ctx.flow.state.countdownEndsAt, ctx.flow.state.emailCountdownEndsAt]);
    return {
      t,
      tabs: s.methods.map((m) => ({ value: m, label: t[TAB_TEXT[m]] })),
      showTabs: s.methods.length > 1,
      hasPassword: s.methods.indexOf('password') >= 0,
      hasSms: s.methods.indexOf('sms') >= 0,
      hasEmail: s.methods.indexOf('email') >= 0,
      hasWechat: s.methods.indexOf('wechat') >= 0,
      method: s.method,
      screen: s.screen,
      bindPhoneSkippable: flow.config.phoneBinding === 'optional',
      // The MFA step's challenge (with its short-lived mfaToken) only while that screen shows.
      mfaChallenge: s.screen === 'mfa' && flow.mfaStep ? flow.mfaStep.challenge : null,
      mfaMethod: flow.mfaStep ? flow.mfaStep.method : 'password',
      resetEntry: !!ctx.props.resetEntry,
      // The embedded reset proves the account the ways this login offers (email only with its email tab).
      resetMethods: s.methods.indexOf('email') >= 0 ? 'sms,email' : 'sms',
      // The account typed, or filled in after a password reset (re-sent as typed when a render happens anyway).
      accountValue: flow.value('account'),
      // The sign-up screen offers the code methods this login offers (and always the password).
      registerMethods: ['password'].concat(s.methods.filter((m) => m === 'sms' || m === 'email')),
      busy: s.busy || '',
      errAccount: fieldText(ctx, t, s.errors.account),
      errPassword: fieldText(ctx, t, s.errors.password),
      errPhone: fieldText(ctx, t, s.errors.phone),
      errCode: fieldText(ctx, t, s.errors.code),
      errEmail: fieldText(ctx, t, s.errors.email),
      errEmailCode: fieldText(ctx, t, s.errors.emailCode),
      errCaptcha: fieldText(ctx, t, s.errors.captcha),
      captcha: flow.signIn.captcha,
      captchaRows: flow.signIn.captcha ? [imageKey(flow.signIn.captchaSrc)] : [],
      captchaSrc: flow.signIn.captchaSrc,
      captchaLoading: flow.signIn.captchaLoading,
      // Emptied with each new image (its code went with the old one).
      captchaValue: flow.value('captcha'),
      passwordVisible: s.passwordVisible,
      // Bound to the phone input for the restored number; re-sent as typed whenever a render happens
      // anyway, so re-applying the binding can never wipe what the user typed.
      phoneValue: flow.value('phone'),
      emailValue: flow.value('email'),
      ...codeRows,
      ...consentView(ctx.props.agreements, t, s.consent),
      // Open-type only with consent: WeChat opens its phone dialog straight from the tap.
      phoneOpenType: !s.consent.required || s.consent.agreed,
      consentPendingPhone: s.consent.prompting && s.consent.pending === 'phone',
    };
  },
  handlers: {
    /**
     * Veto hook: `fn({method, account?, phone?, countryCode?, email?})` runs after validation and consent, right
     * before the request; return false (or a promise of false) to cancel. Never receives the password.
     * Usage: `this.selectComponent('#login').setBeforeLogin(ctx => ...)`. Pass null to remove.
     */
    setBeforeLogin: (ctx, fn) => ctx.flow.setBeforeLogin(fn as unknown as BeforeLoginHook | null),
    onAccountInput: input('account'),
    /** t-input's clear icon empties the field without a `change` event. */
    onAccountClear: (ctx) => ctx.flow.input('account', ''),
    onPasswordInput: input('password'),
    onPhoneInput: input('phone'),
    onCodeInput: input('code'),
    onEmailInput: input('email'),
    onEmailCodeInput: input('emailCode'),
    onCaptchaInput: input('captcha'),
    /** The captcha image or its refresh link: a new image. */
    onCaptchaRefresh: (ctx) => ctx.flow.refreshCaptcha(),
    /** A step's own links (`navigate` {to}: 'login', 'register', 'reset-password'): that screen, in place. */
    onNavigate: (ctx, e) => ctx.flow.showScreen(e.detail && (e.detail as { to?: unknown }).to),
    /** The bind-phone step (after a WeChat login): bound or skipped. */
    onPhoneBound: (ctx) => ctx.flow.phoneBound(),
    onBindPhoneSkip: (ctx) => ctx.flow.phoneSkipped(),
    /** The embedded MFA step: logged in / a failure it already showed. */
    onMfaLogin: (ctx, e) => ctx.flow.mfaLoggedIn(e.detail),
    onMfaError: (ctx, e) => ctx.flow.mfaFailed(e.detail),
    /** The password tab's "forgot password" link: the reset step in place of the form. */
    onResetEntry: (ctx) => ctx.flow.showScreen('reset-password'),
    /** The embedded reset step finished: the password tab with the account filled in; the event is passed on. */
    onPasswordReset: (ctx, e) => ctx.flow.passwordReset(e.detail),
    /** An embedded step's events reach the page as the login's own: `error` / `send-code` of every step (a failure is already
     * shown by the step), the sign-up's `register` and `login` (the new user is logged in). */
    onStepEvent: (ctx, e) => ctx.emit(e.type, e.detail as object),
    /** The "sign up" link: the sign-up screen in place of the form. */
    onRegisterEntry: (ctx) => ctx.flow.showScreen('register'),
    onTabChange: (ctx, e) => ctx.flow.selectMethod(e.detail && (e.detail as { value?: unknown }).value),
    onTogglePassword: (ctx) => ctx.flow.togglePasswordVisible(),
    onCountryChange: (ctx, e) => ctx.flow.setCountryCode(pickedCountryCode(e)),
    onSendCode: (ctx) => ctx.flow.sendCode(),
    onSubmit: (ctx) => ctx.flow.submit(),
    onWechatLogin: (ctx) => ctx.flow.wechatLogin(),
    /** The phone button before consent (a plain button): asks for consent first. */
    onPhoneGate: (ctx) => ctx.flow.phoneTap(),
    onGetPhoneNumber: (ctx, e) => (ctx.fresh(e.detail) ? ctx.flow.phoneResult(e.detail) : undefined),
    onAgreeChange: (ctx, e) => ctx.flow.setAgreed(!!(e.detail && (e.detail as { checked?: boolean }).checked)),
    onAgreementTap(ctx, e) {
      const detail = agreementTap(ctx.props.agreements, e);
      if (detail) ctx.emit('agreement-tap', detail);
    },
    onConsentAgree: (ctx) => ctx.flow.agree(),
    /** The prompt's agree button is the open-type phone button when the parked action is the phone login. */
    onConsentAgreePhone: (ctx, e) => (ctx.fresh(e.detail) ? ctx.flow.agreePhone(e.detail) : undefined),
    onConsentCancel: (ctx) => ctx.flow.dismiss(),
  },
});
