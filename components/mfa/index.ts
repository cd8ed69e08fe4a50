// <authing-mfa>: the MFA step of a sign-in (SMS / email code, authenticator TOTP, recovery code). A thin
// view over MfaFlow (core/flows/mfa-flow.ts) through the kit wrapper: typing renders nothing (unless a
// shown error goes away); every other action renders once, and once more when its request settles.
// Standalone on its own page, or embedded by <authing-login> as its 'mfa' screen.

import { kitComponent } from '../common/kit-component';
import type { KitContext } from '../common/kit-component';
import { format, noticeView } from '../common/texts';
import { secondsLeft, syncCountdownTimer } from '../common/countdown-timer';
import { fieldErrorMessage } from '../common/failures';
import { SPEC } from './spec';
import { MFA_TEXTS } from './texts';
import { MfaFlow } from '../../core/flows/mfa-flow';
import type { MfaConfig } from '../../core/flows/mfa-flow';
import { sharedCountdowns } from '../../core/flows/countdown';
import { parseFetchUserInfo } from '../../core/flows/login-types';
import type { EventMethod } from '../../core/flows/events';

export type { MfaProperties, MfaEvents } from './api';
export type {
  LoginEventDetail, ErrorEventDetail, NavigateEventDetail, EventMethod, EventAction, MfaMarker,
} from '../common/event-types';

type Ctx = KitContext<typeof SPEC, MfaFlow>;

const FIRST_STEPS: EventMethod[] = ['password', 'sms', 'email'];

function flowConfig(ctx: Ctx): Partial<MfaConfig> {
  const p = ctx.props;
  const method = p.method as EventMethod;
  return {
    method: FIRST_STEPS.indexOf(method) >= 0 ? method : 'password',
    fetchUserInfo: parseFetchUserInfo(p.fetchUserInfo),
    countdown: p.countdown > 0 ? p.countdown : 60,
  };
}

kitComponent<typeof SPEC, MfaFlow>({
  spec: SPEC,
  texts: MFA_TEXTS,
  create(ctx) {
    const flow = new MfaFlow({
      getClient: () => ctx.client(),
      onChange: () => ctx.render(),
      emit: (name, detail) => ctx.emit(name, detail),
    }, sharedCountdowns(), flowConfig(ctx));
    flow.setChallenge(ctx.props.challenge);
    return flow;
  },
  detached: (ctx) => ctx.flow.detach(),
  pending: (flow) => flow.state.busy !== null,
  observers: {
    challenge: (ctx) => ctx.flow.setChallenge(ctx.props.challenge),
    'method, fetchUserInfo, countdown': (ctx) => ctx.flow.configure(flowConfig(ctx)),
  },
  view(ctx, t) {
    const flow = ctx.flow;
    const s = flow.state;
    const option = s.options.find((o) => o.factor === s.factor);
    const factor = s.factor || '';
    const left = secondsLeft(s.countdownEndsAt);
    syncCountdownTimer(ctx, left > 0, () => [ctx.flow.state.countdownEndsAt]);
    const recovery = factor === 'recovery-code';
    const totp = factor === 'totp';
    return {
      t,
      heading: ctx.props.title || t.title,
      tabs: s.options.map((o) => ({ value: o.factor, label: t['factor_' + o.factor] })),
      showTabs: s.options.length > 1,
      factor,
      hasFactor: !!option,
      hint: option ? format(t['hint_' + factor] || '', { target: option.masked }) : '',
      canSend: !!(option && option.target),
      codeLabel: recovery ? t.recoveryLabel : totp ? t.totpLabel : t.codeLabel,
      codePlaceholder: recovery ? t.recoveryPlaceholder : totp ? t.totpPlaceholder : format(t.codePlaceholder, { length: flow.config.codeLength }),
      codeType: recovery ? 'text' : 'number',
      codeMax: recovery ? 32 : totp ? 6 : flow.config.codeLength,
      // Re-sent as typed whenever something else renders (typing itself never renders).
      codeValue: flow.value,
      errCode: fieldErrorMessage(ctx.text, t, s.error),
      busy: s.busy || '',
      resendLeft: left,
      resendText: left ? format(t.resendIn, { seconds: left }) : '',
      over: s.over,
      done: s.done,
      ...noticeView(s.notice, ctx.text),
    };
  },
  handlers: {
    onFactorChange: (ctx, e) => ctx.flow.selectFactor(e.detail && (e.detail as { value?: unknown }).value),
    onCodeInput: (ctx, e) => ctx.flow.input(e.detail && (e.detail as { value?: unknown }).value),
    onSendCode: (ctx) => ctx.flow.sendCode(),
    onVerify: (ctx) => ctx.flow.verify(),
    onBack: (ctx) => ctx.flow.back(),
  },
});
