// <authing-phone-button>: WeChat's getPhoneNumber button wired to the Authing client.
//   mode="get-phone" → getPhone  → `phone` {phoneInfo}
//   mode="login"     → loginByPhone → `login` {method:'phone', loginState}
// Declines, an exhausted quota and a missing permission end in `cancel` / `error` without a request.
// With require-consent the button is NOT an open-type button until the user accepts the agreements
// (WeChat opens its dialog straight from a tap on an open-type button, so nothing could stop it).

import { clientOrError } from '../common/client';
import { COMMON_PROPERTIES } from '../common/properties';
import { instanceFields } from '../common/runtime';
import { format, mergeTexts } from '../common/texts';
import {
  PHONE_BUTTON_TEXTS, classifyPhoneResult, normalizeMode, phoneFailureError, phoneFailureKey,
} from '../../core/flows/phone-button';
import type { PhoneButtonMode, PhoneResult } from '../../core/flows/phone-button';
import { ConsentGate, joinAgreementTitles, normalizeAgreements } from '../../core/flows/consent';
import type { Agreement } from '../../core/flows/consent';
import { DEFAULT_WECHAT_IDP } from '../../core/flows/login-form';
import type { AuthingClient, ErrorData, LoginState, PhoneInfo } from '../../core/types';

/** `phone` event detail (mode get-phone). */
export interface PhoneButtonPhoneDetail { phoneInfo: PhoneInfo }
/** `login` event detail (mode login). */
export interface PhoneButtonLoginDetail { method: 'phone'; loginState: LoginState }
/** `cancel` event detail: 'deny' = the user closed WeChat's dialog without sharing; 'consent' = declined the agreements. */
export interface PhoneButtonCancelDetail { mode: PhoneButtonMode; reason: 'deny' | 'consent' }
/** `error` event detail. `reason` says where it failed; `error.message` is readable. */
export interface PhoneButtonErrorDetail {
  mode: PhoneButtonMode;
  reason: 'no_quota' | 'no_permission' | 'platform' | 'not_configured' | 'request';
  code?: string;
  message: string;
  error: ErrorData;
  /** WeChat's errMsg / errno for platform-side failures. */
  errMsg?: string;
  errno?: number;
}
/** `agreement-change` detail. */
export interface PhoneButtonAgreementDetail { agreed: boolean }
/** `agreement-tap` detail. Page paths ('/pages/...') are also opened with wx.navigateTo. */
export interface PhoneButtonAgreementTapDetail { agreement: Agreement; index: number }
export type { Agreement };

interface Fields {
  /** A request is in flight: further phone events are ignored. */
  busy: boolean;
  /** Last phone-event detail: t-button is a virtual host, the native event can arrive twice. */
  lastDetail: unknown;
  /** attached ran: property observers may render. */
  ready: boolean;
  gate: ConsentGate<'phone'>;
}
const fields = instanceFields<Fields>(() => ({ busy: false, lastDetail: undefined, ready: false, gate: new ConsentGate<'phone'>(false) }));

Component({
  options: { multipleSlots: true, styleIsolation: 'apply-shared' },
  externalClasses: ['custom-class', 'button-class', 'message-class', 'agreement-class'],
  properties: {
    ...COMMON_PROPERTIES,
    /** 'get-phone' | 'login' */
    mode: { type: String, value: 'get-phone' },
    /** OIDC scope of the phone login (mode="login"); include `offline_access` for a refresh token. */
    scope: { type: String, value: '' },
    /** WeChat mini-program identity source identifier in Authing. */
    extIdpConnIdentifier: { type: String, value: DEFAULT_WECHAT_IDP },
    /** Use getRealtimePhoneNumber (real-time verification) instead of getPhoneNumber. */
    realtime: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    requireConsent: { type: Boolean, value: false },
    /** [{ title, url }], titles, or a comma string; shown as links next to the consent checkbox. */
    // type null: an Array or a String (exparser turns a string into [] for Array-typed properties)
    agreements: { type: null, value: [] },
    /** t-button look */
    theme: { type: String, value: 'primary' },
    size: { type: String, value: 'large' },
    variant: { type: String, value: 'base' },
    block: { type: Boolean, value: true },
  },
  data: {
    t: PHONE_BUTTON_TEXTS['zh-CN'] as Record<string, string>,
    label: '',
    openType: 'getPhoneNumber',
    busy: false,
    agreed: false,
    gated: false,
    consent: false,
    prompt: false,
    promptText: '',
    items: [] as Array<Agreement & { sep: string }>,
    message: '',
    tone: 'info',
  },
  observers: {
    'mode, lang, texts, realtime, requireConsent, agreements'() {
      if (fields(this).ready) this.setData(this.viewState());
    },
  },
  lifetimes: {
    attached() {
      fields(this).ready = true;
      this.setData(this.viewState());
      // A login button keeps a wx.login code ready so the tap sends the sign-in at once.
      if (normalizeMode(this.properties.mode) === 'login') this.wechatCode(true);
    },
    detached() {
      this.wechatCode(false);
      fields.drop(this);
    },
  },
  methods: {
    /** Starts / stops keeping a wx.login code fresh on the client (nothing when none is configured). */
    wechatCode(keep: boolean) {
      const [, client] = clientOrError(this.properties, '');
      if (!client) return;
      if (keep) void client.prepareWechatCode();
      else client.stopWechatCode();
    },

    /** Everything derived from properties, for one setData. */
    viewState() {
      const r = fields(this);
      const t = mergeTexts(PHONE_BUTTON_TEXTS, this.properties.lang, this.properties.texts);
      const mode = normalizeMode(this.properties.mode);
      const items = normalizeAgreements(this.properties.agreements);
      r.gate.setRequired(this.properties.requireConsent && items.length > 0);
      const s = r.gate.state;
      return {
        t,
        label: mode === 'login' ? t.loginLabel : t.label,
        openType: this.properties.realtime ? 'getRealtimePhoneNumber' : 'getPhoneNumber',
        items: items.map((a, i) => ({ ...a, sep: i === 0 ? '' : i === items.length - 1 ? t.and : t.comma })),
        consent: s.required,
        promptText: format(t.consentPrompt, { agreements: joinAgreementTitles(items, t.and, t.comma) }),
        gated: !r.gate.satisfied,
        agreed: s.agreed,
        prompt: s.prompting,
      };
    },

    /** Tap on the plain stand-in shown before consent: opens the "please accept first" prompt. */
    onGateTap() {
      const r = fields(this);
      if (r.busy || this.properties.disabled) return;
      if (r.gate.request('phone')) return;
      this.setData({ prompt: true, message: '' });
    },
    /** Agree in the prompt: the button becomes the open-type one; WeChat needs a fresh tap on it. */
    onPromptAgree() {
      fields(this).gate.agree();
      this.setData({ agreed: true, gated: false, prompt: false, message: this.data.t.consentAgreed, tone: 'info' });
      this.triggerEvent('agreement-change', { agreed: true } as PhoneButtonAgreementDetail);
    },
    onPromptCancel() {
      fields(this).gate.dismiss();
      this.setData({ prompt: false, message: this.data.t.consentCancelled, tone: 'info' });
      this.triggerEvent('cancel', { mode: normalizeMode(this.properties.mode), reason: 'consent' } as PhoneButtonCancelDetail);
    },
    onConsentChange(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      const r = fields(this);
      const agreed = !!(e.detail && e.detail.checked);
      r.gate.setAgreed(agreed);
      if (agreed && r.gate.state.prompting) r.gate.agree();
      this.setData({ agreed, gated: !r.gate.satisfied, prompt: r.gate.state.prompting, message: '' });
      this.triggerEvent('agreement-change', { agreed } as PhoneButtonAgreementDetail);
    },
    onAgreementTap(e: WechatMiniprogram.BaseEvent) {
      const index = Number(e.currentTarget.dataset.index);
      const item = this.data.items[index];
      if (!item) return;
      const agreement: Agreement = { title: item.title, url: item.url };
      if (agreement.url && agreement.url.charAt(0) === '/') wx.navigateTo({ url: agreement.url, fail: () => undefined });
      this.triggerEvent('agreement-tap', { agreement, index } as PhoneButtonAgreementTapDetail);
    },

    /** getphonenumber / getrealtimephonenumber from the open-type button. */
    onPhoneEvent(e: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
      const r = fields(this);
      // t-button is a virtual host: the native event can reach us twice with the same detail.
      if (e.detail === r.lastDetail) return;
      r.lastDetail = e.detail;
      if (r.busy) return;
      const mode = normalizeMode(this.properties.mode);
      const result = classifyPhoneResult(e.detail);
      if (result.kind === 'deny') {
        this.setData({ message: this.data.t.denied, tone: 'info' });
        this.triggerEvent('cancel', { mode, reason: 'deny' } as PhoneButtonCancelDetail);
        return;
      }
      if (result.kind !== 'ok') {
        this.fail(mode, result.kind === 'fail' ? 'platform' : result.kind, phoneFailureError(this.data.t[phoneFailureKey(result)]), result);
        return;
      }
      const [clientErr, client] = clientOrError(this.properties, this.data.t.notConfigured);
      if (clientErr) {
        this.fail(mode, 'not_configured', clientErr);
        return;
      }
      const idp = this.properties.extIdpConnIdentifier;
      if (!idp) {
        this.fail(mode, 'not_configured', { message: this.data.t.missingIdp, code: 'invalid_options' });
        return;
      }
      r.busy = true;
      this.setData({ busy: true, message: '' });
      this.exchange(mode, result.code, idp, client!);
    },

    async exchange(mode: PhoneButtonMode, code: string, idp: string, client: AuthingClient) {
      const r = fields(this);
      if (mode === 'login') {
        const scope = this.properties.scope.trim();
        const [err, loginState] = await client.loginByPhone({
          extIdpConnidentifier: idp,
          wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code } },
          ...(scope ? { options: { scope } } : {}),
        });
        r.busy = false;
        if (err || !loginState) return this.fail(mode, 'request', err || { message: this.data.t.platformFail });
        this.setData({ busy: false });
        this.triggerEvent('login', { method: 'phone', loginState } as PhoneButtonLoginDetail);
        return undefined;
      }
      const [err, phoneInfo] = await client.getPhone({ extIdpConnidentifier: idp, code });
      r.busy = false;
      if (err || !phoneInfo) return this.fail(mode, 'request', err || { message: this.data.t.platformFail });
      this.setData({ busy: false });
      this.triggerEvent('phone', { phoneInfo } as PhoneButtonPhoneDetail);
      return undefined;
    },

    /** One setData (message, loading off) and one `error` event. */
    fail(mode: PhoneButtonMode, reason: PhoneButtonErrorDetail['reason'], error: ErrorData, result?: PhoneResult) {
      this.setData({ busy: false, message: error.message, tone: 'error' });
      const detail: PhoneButtonErrorDetail = { mode, reason, code: error.code, message: error.message, error };
      if (result && result.kind !== 'ok' && result.kind !== 'deny') {
        detail.errMsg = result.errMsg;
        if (typeof result.errno === 'number') detail.errno = result.errno;
      }
      this.triggerEvent('error', detail);
    },
  },
});
