// <authing-reset-password>: forgot password — a code to the phone or email, then the new password twice.
// A thin view over ResetPasswordFlow (core/flows/reset-password-flow.ts) through the kit wrapper: typed
// values stay in the flow (never in `data`), so typing does not render; an action renders once.
// Standalone on its own page, or embedded by <authing-login> (its "forgot password" screen).

// The journey methods (verifyResetPasswordRequest, resetPassword) are attached to the one `Authing` class
// by their entry: this component requires it, the app need not. The email way sends its code with
// `sendEmailCode` of `authing-miniapp-kit/account`, which the APP imports (as for the login's email tab),
// so a login page that embeds this step does not carry the account module.
import '../../core/journey';
import { kitComponent } from '../common/kit-component';
import type { KitContext } from '../common/kit-component';
import { format, noticeView } from '../common/texts';
import { errorText, fieldErrorMessage } from '../common/failures';
import { secondsLeft, syncCountdownTimer } from '../common/countdown-timer';
import { SPEC } from './spec';
import { RESET_PASSWORD_TEXTS } from './texts';
import { ResetPasswordFlow, parseResetMethods } from '../../core/flows/reset-password-flow';
import type { ResetField, ResetPasswordConfig } from '../../core/flows/reset-password-flow';
import { parseEncrypt } from '../../core/flows/login-types';
import { sharedCountdowns } from '../../core/flows/countdown';
import { COUNTRY_CODES } from '../../core/validate';

export type { ResetPasswordProperties, ResetPasswordEvents } from './api';
export type { PasswordResetEventDetail, NavigateEventDetail, SendCodeEventDetail, ErrorEventDetail, EventAction } from '../common/event-types';

type Ctx = KitContext<typeof SPEC, ResetPasswordFlow>;

const TAB_TEXT = { sms: 'tabSms', email: 'tabEmail' } as const;

function flowConfig(ctx: Ctx): Partial<ResetPasswordConfig> {
  const p = ctx.props;
  return { methods: parseResetMethods(p.methods), encrypt: parseEncrypt(p.encrypt), countdown: p.countdown > 0 ? p.countdown : 60 };
}

type InputEvent = WechatMiniprogram.CustomEvent<{ value?: unknown }>;
const input = (field: ResetField) => (ctx: Ctx, e: InputEvent) => ctx.flow.input(field, e.detail && e.detail.value);

kitComponent<typeof SPEC, ResetPasswordFlow>({
  spec: SPEC,
  texts: RESET_PASSWORD_TEXTS,
  create: (ctx) => new ResetPasswordFlow({
    getClient: () => ctx.client(),
    onChange: () => ctx.render(),
    emit: (name, detail) => ctx.emit(name, detail),
    text: ctx.text,
  }, flowConfig(ctx), sharedCountdowns()),
  // Brings back a resend countdown (and its target) still running; the first render shows it.
  attached: (ctx) => ctx.flow.restore(),
  pending: (flow) => flow.state.busy !== null,
  observers: {
    'methods, encrypt, countdown'(ctx) {
      ctx.flow.configure(flowConfig(ctx));
    },
  },
  view(ctx, t) {
    const flow = ctx.flow;
    const s = flow.state;
    const left = secondsLeft(s.method === 'sms' ? s.countdownEndsAt : s.emailCountdownEndsAt);
    syncCountdownTimer(ctx, left > 0, () => [flow.state.countdownEndsAt, flow.state.emailCountdownEndsAt]);
    const notice = noticeView(s.notice, ctx.text);
    return {
      t,
      heading: ctx.props.title || t.title,
      tabs: s.methods.map((m) => ({ value: m, label: t[TAB_TEXT[m]] })),
      showTabs: s.methods.length > 1 && s.step === 'verify',
      method: s.method,
      step: s.step,
      busy: s.busy || '',
      errPhone: fieldErrorMessage(ctx.text, t, s.errors.phone),
      errCode: fieldErrorMessage(ctx.text, t, s.errors.code),
      errEmail: fieldErrorMessage(ctx.text, t, s.errors.email),
      errEmailCode: fieldErrorMessage(ctx.text, t, s.errors.emailCode),
      errPassword: fieldErrorMessage(ctx.text, t, s.errors.password),
      errConfirm: fieldErrorMessage(ctx.text, t, s.errors.confirm),
      countryLabels: COUNTRY_CODES.map((c) => c.label[ctx.lang()]),
      countryIndex: Math.max(0, COUNTRY_CODES.findIndex((c) => c.code === s.countryCode)),
      countryCode: s.countryCode,
      // Re-sent as typed whenever a render happens anyway: a binding never wipes what the user typed.
      phoneValue: flow.value('phone'),
      emailValue: flow.value('email'),
      codeValue: flow.value('code'),
      emailCodeValue: flow.value('emailCode'),
      passwordValue: flow.value('password'),
      confirmValue: flow.value('confirm'),
      codeLength: flow.config.codeLength,
      codePlaceholder: format(t.codePlaceholder, { length: flow.config.codeLength }),
      resendLeft: left,
      resendText: left ? format(t.resendIn, { seconds: left }) : '',
      passwordVisible: s.passwordVisible,
      loginLink: !!ctx.props.loginLink,
      // A failure about no field (or a transport one) in the kit's wording; a notice key in the texts.
      message: s.notice && 'error' in s.notice ? errorText(t, s.notice.error) : notice.message,
      tone: notice.tone,
    };
  },
  handlers: {
    onTabChange: (ctx, e) => ctx.flow.selectMethod(e.detail && (e.detail as { value?: unknown }).value),
    onCountryChange(ctx, e) {
      const entry = COUNTRY_CODES[Number(e.detail && (e.detail as { value?: unknown }).value)];
      if (entry) ctx.flow.setCountryCode(entry.code);
    },
    onPhoneInput: input('phone'),
    onCodeInput: input('code'),
    onEmailInput: input('email'),
    onEmailCodeInput: input('emailCode'),
    onPasswordInput: input('password'),
    onConfirmInput: input('confirm'),
    onTogglePassword: (ctx) => ctx.flow.togglePasswordVisible(),
    onSendCode: (ctx) => ctx.flow.sendCode(),
    onVerify: (ctx) => ctx.flow.verify(),
    onReset: (ctx) => ctx.flow.reset(),
    onRestart: (ctx) => ctx.flow.restart(),
    onBackToLogin: (ctx) => ctx.flow.backToLogin(),
  },
});
