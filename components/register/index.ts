// <authing-register>: the drop-in sign-up form (username or email + password, phone code, email code) on
// TDesign, signing the new user in right after. A thin view over RegisterFlow (core/flows/register-flow.ts)
// through the kit wrapper: typed values stay in the flow, so typing does not render. Standalone on its own
// page, or embedded by <authing-login> (its "sign up" screen).

import { kitComponent } from '../common/kit-component';
import { showToast } from '../common/toast';
import type { KitContext } from '../common/kit-component';
import { agreementTap } from '../common/agreements';
import { syncCountdownTimer } from '../common/countdown-timer';
import { codeRowsView, consentView, pickedCountryCode } from '../common/code-form-view';
import { errorText, fieldErrorMessage, fieldFailureText } from '../common/failures';
import { format } from '../common/texts';
import type { TextTable } from '../common/texts';
import { SPEC } from './spec';
import { REGISTER_TEXTS } from './texts';
import { RegisterFlow, parseEncrypt, parseFetchUserInfo, parseRegisterMethods, parseSignUpFields, signUpFieldKind } from '../../core/flows/register-flow';
import type { RegisterConfig, RegisterMethod, RegisterNotice } from '../../core/flows/register-flow';
import { normalizeAgreements } from '../../core/flows/consent';
import { sharedCountdowns } from '../../core/flows/countdown';
import type { FieldError } from '../../core/flows/field-errors';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/validate';

export type { RegisterProperties, RegisterEvents } from './api';
export type {
  RegisterEventDetail, NavigateEventDetail, LoginEventDetail, ErrorEventDetail, CancelEventDetail, AgreementTapEventDetail, AgreementChangeEventDetail,
} from '../common/event-types';

type Ctx = KitContext<typeof SPEC, RegisterFlow>;

const TAB_TEXT: Record<RegisterMethod, string> = { password: 'tabPassword', sms: 'tabSms', email: 'tabEmail' };

/**
 * A field's error: a problem found before the request (in the form's texts) or the server's message. The
 * server answers in its client's language; when that is not the form's, the form's own wording of the
 * apiCode (account taken, wrong code, password policy) stands in for it.
 */
function fieldText(ctx: Ctx, t: TextTable, e: FieldError | null | undefined): string {
  const [, client] = ctx.client();
  const otherLang = !!client && client.options.lang !== ctx.lang();
  return fieldErrorMessage(ctx.text, t, e, (error) => (otherLang ? fieldFailureText(t, error, { min: PASSWORD_MIN, max: PASSWORD_MAX }) : errorText(t, error)));
}

function flowConfig(ctx: Ctx): Partial<RegisterConfig> {
  const p = ctx.props;
  return {
    methods: parseRegisterMethods(p.methods),
    defaultMethod: (p.defaultMethod as RegisterMethod) || '',
    encrypt: parseEncrypt(p.encrypt),
    scope: p.scope || '',
    fetchUserInfo: parseFetchUserInfo(p.fetchUserInfo),
    countdown: p.countdown > 0 ? p.countdown : 60,
    consentRequired: normalizeAgreements(p.agreements).length > 0,
    agreed: !!p.agreed,
    fields: parseSignUpFields(p.fields),
  };
}

function notify(ctx: Ctx, notice: RegisterNotice): void {
  const t = ctx.texts();
  const message = notice.type === 'error' ? errorText(t, notice.error) : t[notice.key];
  showToast(ctx.instance, message, notice.type === 'error');
}

type InputEvent = WechatMiniprogram.CustomEvent<{ value?: unknown }, Record<string, never>, { field?: string }>;
const input = (field: string) => (ctx: Ctx, e: WechatMiniprogram.CustomEvent) => ctx.flow.input(field, (e as InputEvent).detail && (e as InputEvent).detail.value);

kitComponent<typeof SPEC, RegisterFlow>({
  spec: SPEC,
  texts: REGISTER_TEXTS,
  create: (ctx) => new RegisterFlow({
    getClient: () => ctx.client(),
    onChange: () => ctx.render(),
    emit: (name, detail) => ctx.emit(name, detail),
    notify: (notice) => notify(ctx, notice),
  }, flowConfig(ctx), sharedCountdowns()),
  attached: (ctx) => ctx.flow.restore(),
  detached: (ctx) => ctx.flow.detach(),
  pending: (flow) => flow.state.busy !== null,
  observers: {
    'methods, defaultMethod, encrypt, scope, fetchUserInfo, countdown, agreements, agreed, fields'(ctx) {
      ctx.flow.configure(flowConfig(ctx));
    },
  },
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
      method: s.method,
      busy: s.busy || '',
      errAccount: fieldText(ctx, t, s.errors.account),
      errPhone: fieldText(ctx, t, s.errors.phone),
      errCode: fieldText(ctx, t, s.errors.code),
      errEmail: fieldText(ctx, t, s.errors.email),
      errEmailCode: fieldText(ctx, t, s.errors.emailCode),
      errPassword: fieldText(ctx, t, s.errors.password),
      errConfirm: fieldText(ctx, t, s.errors.confirm),
      fieldViews: s.fields.map((name) => ({
        name,
        kind: signUpFieldKind(name),
        label: t['label_' + name] || name,
        error: fieldText(ctx, t, s.errors[name]),
      })),
      passwordVisible: s.passwordVisible,
      passwordPlaceholder: format(t.passwordPlaceholder, { min: PASSWORD_MIN, max: PASSWORD_MAX }),
      phoneValue: flow.value('phone'),
      emailValue: flow.value('email'),
      loginLink: !!ctx.props.loginLink,
      ...codeRows,
      ...consentView(ctx.props.agreements, t, s.consent),
    };
  },
  handlers: {
    onAccountInput: input('account'),
    onAccountClear: (ctx) => ctx.flow.input('account', ''),
    onPhoneInput: input('phone'),
    onCodeInput: input('code'),
    onEmailInput: input('email'),
    onEmailCodeInput: input('emailCode'),
    onPasswordInput: input('password'),
    onConfirmInput: input('confirm'),
    /** A profile field (`data-field`). */
    onFieldInput: (ctx, e) => ctx.flow.input((e as unknown as InputEvent).currentTarget.dataset.field || '', (e as unknown as InputEvent).detail.value),
    onTabChange: (ctx, e) => ctx.flow.selectMethod(e.detail && (e.detail as { value?: unknown }).value),
    onTogglePassword: (ctx) => ctx.flow.togglePasswordVisible(),
    onCountryChange: (ctx, e) => ctx.flow.setCountryCode(pickedCountryCode(e)),
    onSendCode: (ctx) => ctx.flow.sendCode(),
    onSubmit: (ctx) => ctx.flow.submit(),
    onToLogin: (ctx) => ctx.flow.navigate('login'),
    onAgreeChange: (ctx, e) => ctx.flow.setAgreed(!!(e.detail && (e.detail as { checked?: boolean }).checked)),
    onAgreementTap(ctx, e) {
      const detail = agreementTap(ctx.props.agreements, e);
      if (detail) ctx.emit('agreement-tap', detail);
    },
    onConsentAgree: (ctx) => ctx.flow.agree(),
    onConsentCancel: (ctx) => ctx.flow.dismiss(),
  },
});
