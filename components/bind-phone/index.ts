// <authing-bind-phone>: the logged-in user binds a phone by SMS code (完善信息 after a WeChat login), or skips
// when the host allows it. A thin view over BindPhoneFlow (core/flows/bind-phone-flow.ts) through the kit
// wrapper; <authing-login phone-binding="…"> embeds it as its `bind-phone` screen.

import { kitComponent } from '../common/kit-component';
import type { KitContext } from '../common/kit-component';
import { format, noticeView } from '../common/texts';
import { secondsLeft, syncCountdownTimer } from '../common/countdown-timer';
import { fieldErrorMessage } from '../common/failures';
import { SPEC } from './spec';
import { BIND_PHONE_TEXTS } from './texts';
import { BindPhoneFlow } from '../../core/flows/bind-phone-flow';
import type { BindPhoneConfig, BindPhoneField } from '../../core/flows/bind-phone-flow';
import { sharedCountdowns } from '../../core/flows/countdown';
import { COUNTRY_CODES } from '../../core/validate';
import { contextOf } from '../../core/index';
// bind-phone alone, not the whole account module: a login page that embeds this step stays without account.js.
import { bindPhone } from '../../core/account/contact';

export type { BindPhoneProperties, BindPhoneEvents } from './api';
export type {
  LoginEventDetail, ErrorEventDetail, CancelEventDetail, AgreementTapEventDetail, AgreementChangeEventDetail, EventMethod, EventAction, CancelReason,
  BindEventDetail, BindSendCodeEventDetail,
} from '../common/event-types';

type Ctx = KitContext<typeof SPEC, BindPhoneFlow>;

function flowConfig(ctx: Ctx): Partial<BindPhoneConfig> {
  return { countdown: ctx.props.countdown > 0 ? ctx.props.countdown : 60, skippable: !!ctx.props.skippable };
}

type InputEvent = WechatMiniprogram.CustomEvent<{ value?: unknown }>;
const input = (field: BindPhoneField) => (ctx: Ctx, e: InputEvent) => ctx.flow.input(field, e.detail && e.detail.value);

kitComponent<typeof SPEC, BindPhoneFlow>({
  spec: SPEC,
  texts: BIND_PHONE_TEXTS,
  create: (ctx) => new BindPhoneFlow({
    getClient: () => ctx.client(),
    bindPhone: (client, data) => bindPhone(contextOf(client), data),
    onChange: () => ctx.render(),
    emit: (name, detail) => ctx.emit(name, detail),
  }, flowConfig(ctx), sharedCountdowns()),
  attached: (ctx) => ctx.flow.restore(),
  detached: (ctx) => ctx.flow.detach(),
  pending: (flow) => flow.state.busy !== null,
  observers: {
    'countdown, skippable'(ctx) {
      ctx.flow.configure(flowConfig(ctx));
    },
  },
  view(ctx, t) {
    const s = ctx.flow.state;
    const left = secondsLeft(s.countdownEndsAt);
    syncCountdownTimer(ctx, left > 0, () => [ctx.flow.state.countdownEndsAt]);
    const lang = ctx.lang();
    return {
      t,
      busy: s.busy || '',
      bound: s.bound,
      skippable: s.skippable,
      errPhone: fieldErrorMessage(ctx.text, t, s.errors.phone),
      errCode: fieldErrorMessage(ctx.text, t, s.errors.code),
      countryLabels: COUNTRY_CODES.map((c) => c.label[lang]),
      countryIndex: Math.max(0, COUNTRY_CODES.findIndex((c) => c.code === s.countryCode)),
      countryCode: s.countryCode,
      // Re-sent as typed whenever a render happens anyway, so the binding never wipes what was typed.
      phoneValue: ctx.flow.value('phone'),
      codeValue: ctx.flow.value('code'),
      codeLength: ctx.flow.config.codeLength,
      codePlaceholder: format(t.codePlaceholder, { length: ctx.flow.config.codeLength }),
      resendLeft: left,
      resendText: left ? format(t.resendIn, { seconds: left }) : '',
      ...noticeView(s.notice, ctx.text),
    };
  },
  handlers: {
    onPhoneInput: input('phone'),
    onCodeInput: input('code'),
    onCountryChange(ctx, e) {
      const entry = COUNTRY_CODES[Number(e.detail && (e.detail as { value?: unknown }).value)];
      if (entry) ctx.flow.setCountryCode(entry.code);
    },
    onSendCode: (ctx) => ctx.flow.sendCode(),
    onSubmit: (ctx) => ctx.flow.submit(),
    onSkip: (ctx) => ctx.flow.skip(),
  },
});
