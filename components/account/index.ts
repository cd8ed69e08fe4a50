// <authing-account>: the account & security block of a "me" page — username, masked phone and email,
// password set or not; a popup per action (change password, bind / change phone and email, delete the
// account) and logout. A thin view over AccountFlow (core/flows/account-flow.ts) through the kit wrapper:
// typing renders nothing; a tap or a server answer renders once.

// The account methods (updatePassword, bind / update phone and email, deleteAccount…) live in the opt-in
// account module: a page with this component ships them, a login page does not.
import '../../core/account';
import { kitComponent } from '../common/kit-component';
import type { KitContext } from '../common/kit-component';
import { secondsLeft, syncCountdownTimer } from '../common/countdown-timer';
import { format } from '../common/texts';
import { errorText, fieldErrorMessage } from '../common/failures';
import type { TextTable } from '../common/texts';
import { SPEC } from './spec';
import { ACCOUNT_TEXTS } from './texts';
import { AccountFlow } from '../../core/flows/account-flow';
import type { AccountDialog, AccountField, DeleteMethod } from '../../core/flows/account-flow';
import { sharedCountdowns } from '../../core/flows/countdown';
import { parseEncrypt } from '../../core/flows/login-types';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/validate';

export type { AccountProperties, AccountEvents } from './api';
export type {
  AccountChangeEventDetail, AccountDeleteEventDetail, LogoutEventDetail, ErrorEventDetail, EventAction,
} from '../common/event-types';

type Ctx = KitContext<typeof SPEC, AccountFlow>;
type FieldEvent = WechatMiniprogram.CustomEvent<{ value?: unknown }, Record<string, never>, { field?: string; value?: string }>;

const CODE_LENGTH = 6;
const DIALOGS: readonly AccountDialog[] = ['password', 'phone', 'email', 'delete'];

const TITLES: Record<AccountDialog, [string, string]> = {
  password: ['passwordTitle', 'setPasswordTitle'],
  phone: ['changePhoneTitle', 'bindPhoneTitle'],
  email: ['changeEmailTitle', 'bindEmailTitle'],
  delete: ['deleteTitle', 'deleteTitle'],
};

function dialogView(ctx: Ctx, t: TextTable) {
  const flow = ctx.flow;
  const s = flow.state;
  const summary = s.summary;
  if (!s.dialog || !summary) return { dialog: '', dialogTitle: '', dialogHint: '', fieldViews: [], deleteMethods: [] };
  const dialog = s.dialog;
  const changing = dialog === 'password' ? summary.passwordSet !== false : dialog === 'phone' ? !!summary.phone : !!summary.email;
  const policy = { min: PASSWORD_MIN, max: PASSWORD_MAX };
  const hint = dialog === 'password' ? format(t.passwordPolicy, policy)
    : dialog === 'phone' && changing ? t.changePhoneHint : dialog === 'email' && changing ? t.changeEmailHint : '';
  const target = dialog === 'delete' ? (s.deleteMethod === 'phone' ? summary.phoneMasked : summary.emailMasked) : dialog === 'phone' ? summary.phoneMasked : summary.emailMasked;
  const label = (f: AccountField): string => {
    if (f === 'oldCode') return format(dialog === 'phone' ? t.oldPhoneCodeLabel : t.oldEmailCodeLabel, { target });
    if (f === 'code' && dialog === 'delete') return format(t.deleteCodeLabel, { target });
    return ctx.text('field_' + f).replace(/^./, (c) => c.toUpperCase());
  };
  const placeholder: Record<AccountField, string> = {
    password: t.passwordPlaceholder,
    newPassword: format(t.newPasswordPlaceholder, policy),
    confirmPassword: t.confirmPasswordPlaceholder,
    phone: t.phonePlaceholder,
    email: t.emailPlaceholder,
    oldCode: format(t.codePlaceholder, { length: CODE_LENGTH }),
    code: format(t.codePlaceholder, { length: CODE_LENGTH }),
  };
  const fieldViews = flow.fields.map((name) => {
    const code = name === 'oldCode' || name === 'code';
    const left = code ? secondsLeft(s.codeEndsAt[name as 'oldCode' | 'code']) : 0;
    const sending = s.busy === (name === 'oldCode' ? 'send-oldCode' : 'send-code');
    return {
      name,
      label: label(name),
      placeholder: placeholder[name],
      type: name.indexOf('assword') >= 0 ? 'password' : code || name === 'phone' ? 'number' : 'text',
      maxlength: code ? CODE_LENGTH : name === 'phone' ? 11 : -1,
      error: fieldErrorMessage(ctx.text, t, s.errors[name]),
      code,
      sendText: left ? format(t.resendIn, { seconds: left }) : sending ? t.sending : t.sendCode,
      sendDisabled: left > 0 || (s.busy !== null && !sending),
      sending,
    };
  });
  return {
    dialog,
    dialogTitle: t[TITLES[dialog][changing || dialog === 'delete' ? 0 : 1]],
    dialogHint: hint,
    fieldViews,
    deleteMethods: dialog === 'delete' ? flow.deleteMethods.map((m) => ({ value: m, label: t['method_' + m] })) : [],
  };
}

kitComponent<typeof SPEC, AccountFlow>({
  spec: SPEC,
  texts: ACCOUNT_TEXTS,
  create: (ctx) => new AccountFlow({
    getClient: () => ctx.client(),
    onChange: () => ctx.render(),
    emit: (name, detail) => ctx.emit(name, detail),
    text: ctx.text,
  }, { encrypt: parseEncrypt(ctx.props.encrypt), countdown: ctx.props.countdown > 0 ? ctx.props.countdown : 60 }, sharedCountdowns()),
  attached: (ctx) => ctx.flow.load(),
  detached: (ctx) => ctx.flow.detach(),
  pending: (flow) => flow.state.busy !== null,
  observers: {
    'encrypt, countdown': (ctx) => ctx.flow.setConfig({ encrypt: parseEncrypt(ctx.props.encrypt), countdown: ctx.props.countdown > 0 ? ctx.props.countdown : 60 }),
  },
  view(ctx, t) {
    const s = ctx.flow.state;
    const summary = s.summary;
    syncCountdownTimer(ctx, s.codeEndsAt.oldCode > Date.now() || s.codeEndsAt.code > Date.now(), () => [ctx.flow.state.codeEndsAt.oldCode, ctx.flow.state.codeEndsAt.code]);
    const notice = s.notice;
    return {
      t,
      loading: s.busy === 'load',
      blocked: s.blocked,
      signedOut: s.signedOut,
      busy: s.busy || '',
      username: summary ? summary.username || t.notSet : '',
      phone: summary ? summary.phoneMasked : '',
      email: summary ? summary.emailMasked : '',
      passwordNote: !summary ? '' : summary.passwordSet === null ? t.passwordUnknown : summary.passwordSet ? t.passwordSet : t.notSet,
      // The outcome of the last action under the cells; a failure shows in the dialog while one is open.
      message: !notice ? '' : 'error' in notice ? errorText(t, notice.error) : ctx.text(notice.key, notice.params),
      tone: notice ? notice.tone : 'info',
      confirming: s.confirming,
      deleteMethod: s.deleteMethod,
      values: { ...ctx.flow.values },
      ...dialogView(ctx, t),
    };
  },
  handlers: {
    /** Reads the account again. Public: call it after the user logs in. */
    reload: (ctx) => ctx.flow.load(),
    onOpen(ctx, e) {
      const dialog = (e as unknown as FieldEvent).currentTarget.dataset.value as AccountDialog;
      if (DIALOGS.indexOf(dialog) >= 0) ctx.flow.open(dialog);
    },
    onClose: (ctx) => ctx.flow.close(),
    /** t-popup's overlay / close: closing while a request runs is refused by the flow (the popup stays). */
    onVisibleChange: (ctx, e) => (e.detail && (e.detail as { visible?: boolean }).visible === false ? ctx.flow.close() : undefined),
    onInput(ctx, e) {
      const ev = e as unknown as FieldEvent;
      const value = ev.detail && ev.detail.value;
      ctx.flow.input(ev.currentTarget.dataset.field || '', value === undefined || value === null ? '' : String(value));
    },
    onSendCode(ctx, e) {
      const field = (e as unknown as FieldEvent).currentTarget.dataset.field;
      if (field === 'oldCode' || field === 'code') return ctx.flow.sendCode(field);
      return undefined;
    },
    onMethodChange: (ctx, e) => ctx.flow.setDeleteMethod(String(e.detail && (e.detail as { value?: unknown }).value) as DeleteMethod),
    onSubmit: (ctx) => ctx.flow.submit(),
    onConfirmDelete: (ctx) => ctx.flow.confirmDelete(),
    onLogout: (ctx) => ctx.flow.logout(),
  },
});
