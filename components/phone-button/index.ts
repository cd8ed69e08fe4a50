// <authing-phone-button>: WeChat's getPhoneNumber button wired to the Authing client.
//   mode="get-phone" → getPhone → `phone` {phoneInfo};  mode="login" → phone login → `login`.
// A thin view over PhoneButtonFlow (core/flows/phone-button-flow.ts) through the kit wrapper: with
// require-consent the button is a plain button until the user accepts, and the prompt's agree button is
// itself the open-type phone button (one tap agrees and opens WeChat's dialog).

import { kitComponent } from '../common/kit-component';
import type { KitContext } from '../common/kit-component';
import { agreementItems, agreementTap } from '../common/agreements';
import { noticeView } from '../common/texts';
import { SPEC } from './spec';
import { PHONE_BUTTON_TEXTS } from './texts';
import { PhoneButtonFlow, normalizeMode } from '../../core/flows/phone-button-flow';
import type { PhoneButtonConfig } from '../../core/flows/phone-button-flow';
import { joinAgreementTitles, normalizeAgreements } from '../../core/flows/consent';

export type { PhoneButtonProperties, PhoneButtonEvents } from './api';
export type {
  LoginEventDetail, ErrorEventDetail, CancelEventDetail, AgreementTapEventDetail, AgreementChangeEventDetail, EventMethod, EventAction, CancelReason,
} from '../common/event-types';

type Ctx = KitContext<typeof SPEC, PhoneButtonFlow>;

function config(ctx: Ctx): PhoneButtonConfig {
  const p = ctx.props;
  return {
    mode: normalizeMode(p.mode),
    idp: p.extIdpConnIdentifier,
    scope: p.scope || '',
    consentRequired: !!p.requireConsent && normalizeAgreements(p.agreements).length > 0,
    disabled: !!p.disabled,
  };
}

function keepWechatCode(ctx: Ctx, keep: boolean): void {
  const [, client] = ctx.client();
  if (!client || normalizeMode(ctx.props.mode) !== 'login') return;
  if (keep) void client.prepareWechatCode();
  else client.stopWechatCode();
}

kitComponent<typeof SPEC, PhoneButtonFlow>({
  spec: SPEC,
  texts: PHONE_BUTTON_TEXTS,
  create: (ctx) => new PhoneButtonFlow({
    getClient: () => ctx.client(),
    onChange: () => ctx.render(),
    emit: (name, detail) => ctx.emit(name, detail),
    text: ctx.text,
  }, config(ctx)),
  // A login button keeps a wx.login code ready, so the tap sends the sign-in at once.
  attached: (ctx) => keepWechatCode(ctx, true),
  detached: (ctx) => keepWechatCode(ctx, false),
  pending: (flow) => flow.state.busy,
  observers: {
    'mode, scope, extIdpConnIdentifier, requireConsent, agreements, disabled'(ctx) {
      ctx.flow.configure(config(ctx));
    },
  },
  view(ctx, t) {
    const s = ctx.flow.state;
    const items = agreementItems(ctx.props.agreements, t);
    const label = normalizeMode(ctx.props.mode) === 'login' ? t.loginLabel : t.label;
    const prompt = t.consentPrompt.split('{agreements}');
    return {
      t,
      label,
      openType: ctx.props.realtime ? 'getRealtimePhoneNumber' : 'getPhoneNumber',
      busy: s.busy,
      consent: s.consent.required,
      agreed: s.consent.agreed,
      gated: ctx.flow.gated,
      prompt: s.consent.prompting,
      promptPrefix: prompt[0],
      promptSuffix: prompt.slice(1).join(''),
      promptText: items.length ? t.consentPrompt.replace('{agreements}', joinAgreementTitles(items, t.and, t.comma)) : '',
      items,
      ...noticeView(s.notice, ctx.text),
    };
  },
  handlers: {
    onGateTap: (ctx) => ctx.flow.gateTap(),
    onConsentChange: (ctx, e) => ctx.flow.setAgreed(!!(e.detail && (e.detail as { checked?: boolean }).checked)),
    onPromptCancel: (ctx) => ctx.flow.dismiss(),
    /** The prompt's agree button: getphonenumber of the same tap. */
    onPromptAgree: (ctx, e) => (ctx.fresh(e.detail) ? ctx.flow.agreePhone(e.detail) : undefined),
    onPhoneEvent: (ctx, e) => (ctx.fresh(e.detail) ? ctx.flow.phoneResult(e.detail) : undefined),
    onAgreementTap(ctx, e) {
      const detail = agreementTap(ctx.props.agreements, e);
      if (detail) ctx.emit('agreement-tap', detail);
    },
  },
});
