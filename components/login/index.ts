// <authing-login>: the drop-in login form (password / SMS code / email code / WeChat tabs) on TDesign.
// Thin on purpose: events go to the LoginForm flow (core/flows/login-form.ts), and the flow's state goes
// back out through ONE diffed setData per change (components/common/view.ts). Typed values stay in the
// flow (never in `data`), so typing does not render.

import Toast from 'tdesign-miniprogram/toast/index';
import { resolveClient } from '../common/client';
import { COMMON_PROPERTIES } from '../common/properties';
import { format, mergeTexts, pickLang } from '../common/texts';
import type { TextTable } from '../common/texts';
import { ViewCommitter } from '../common/view';
import { instanceFields } from '../common/runtime';
import { LOGIN_TEXTS } from './texts';
import {
  LoginForm, parseEncrypt, parseFetchUserInfo, parseMethods, DEFAULT_WECHAT_IDP,
} from '../../core/flows/login-form';
import type {
  BeforeLoginHook, LoginFormConfig, LoginFormState, LoginMethod, LoginNotice, LoginField,
} from '../../core/flows/login-form';
import { joinAgreementTitles, normalizeAgreements } from '../../core/flows/consent';
import type { Agreement } from '../../core/flows/consent';
import { sharedCountdowns } from '../../core/flows/countdown';
import { COUNTRY_CODES } from '../../core/validate';
import type { Problem } from '../../core/validate';
import type { ErrorData, Lang } from '../../core/types';

export type { LoginDetail, BeforeLoginContext, BeforeLoginHook, LoginMethod, EventMethod, CancelReason } from '../../core/flows/login-form';

interface Fields {
  flow: LoginForm | null;
  view: ViewCommitter;
  /** Resend countdown display timer (timer-driven renders, not user actions). */
  timer: ReturnType<typeof setInterval> | null;
  /** Last getphonenumber detail: t-button is a virtual host, the native event can arrive twice. */
  lastPhoneDetail: unknown;
}

const fields = instanceFields<Fields>(() => ({
  flow: null, view: new ViewCommitter(), timer: null, lastPhoneDetail: undefined,
}));

const TAB_TEXT: Record<LoginMethod, string> = { password: 'tabPassword', sms: 'tabSms', email: 'tabEmail', wechat: 'tabWechat' };

/** Whole seconds left of a countdown end time (ms epoch), 0 when none. */
function secondsLeft(endsAt: number): number {
  return endsAt ? Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)) : 0;
}

/** A field problem in the current texts (`{field}` names are texts too, e.g. `field_phone`). */
function problemText(t: TextTable, p: Problem | null): string {
  if (!p) return '';
  const params: Record<string, string | number> = { ...(p.params || {}) };
  if (typeof params.field === 'string' && t['field_' + params.field]) params.field = t['field_' + params.field];
  return format(t[p.key] || p.key, params);
}

/** The text of a failure: the kit's own (overridable) wording for transport problems, else the server's. */
function errorText(t: TextTable, e: ErrorData | null): string {
  if (!e) return '';
  const byCode: Record<string, string> = { network: 'network', timeout: 'timeout', http: 'http', bad_response: 'badResponse', encrypt: 'encrypt' };
  const key = e.code ? byCode[e.code] : undefined;
  if (key && t[key]) return format(t[key], { status: e.statusCode === undefined ? '' : e.statusCode });
  return e.message;
}

Component({
  options: { multipleSlots: true, styleIsolation: 'apply-shared' },
  externalClasses: [
    'custom-class', 'header-class', 'tabs-class', 'input-class', 'button-class', 'error-class', 'agreement-class', 'footer-class',
  ],
  properties: {
    ...COMMON_PROPERTIES,
    /** Request timeout (ms) of a property-configured client; 0 = the client's default (10 s). */
    timeout: { type: Number, value: 0 },
    /** WeChat mini-program identity source identifier (Authing console). */
    extIdpConnIdentifier: { type: String, value: DEFAULT_WECHAT_IDP },
    /** Tabs and their order: array or comma string of password | sms | email | wechat (email is opt-in). */
    methods: { type: null, value: 'password,sms,wechat' as string | string[] },
    defaultMethod: { type: String, value: '' },
    /** Password encryption: none | rsa | sm2. */
    encrypt: { type: String, value: 'none' },
    autoRegister: { type: Boolean, value: false },
    /** OIDC scope of the logins; include `offline_access` to get a refresh token. '' = server default. */
    scope: { type: String, value: '' },
    /** userInfo of the `login` event: true = from the id_token (no extra request), 'full' = get-profile, false = none. */
    fetchUserInfo: { type: null, value: true as boolean | string },
    /** Resend countdown, seconds. */
    countdown: { type: Number, value: 60 },
    /** Show the phone-number one-tap button in the WeChat tab (a paid WeChat capability). */
    phoneLogin: { type: Boolean, value: true },
    /** [{title, url}] (or titles): consent gates every method when non-empty. */
    agreements: { type: null, value: [] as unknown },
    /** Optional heading above the tabs (the `header` slot is the alternative). */
    title: { type: String, value: '' },
  },
  data: {
    t: LOGIN_TEXTS['zh-CN'] as TextTable,
  },
  observers: {
    'methods, defaultMethod, encrypt, autoRegister, scope, fetchUserInfo, countdown, extIdpConnIdentifier, agreements'() {
      const f = fields(this);
      if (f.flow) f.flow.configure(this.flowConfig());
    },
    'lang, texts'() {
      if (fields(this).flow) this.render();
    },
  },
  lifetimes: {
    attached() {
      const f = fields(this);
      f.view.reset();
      f.flow = new LoginForm({
        getClient: () => resolveClient(this.properties),
        onChange: () => this.render(),
        emit: (name, detail) => this.triggerEvent(name, detail),
        notify: (notice) => this.notify(notice),
        message: (key) => this.texts()[key],
      }, this.flowConfig(), sharedCountdowns());
      // Brings back a resend countdown (and its phone) still running; renders once either way.
      f.flow.restore();
      this.render();
    },
    detached() {
      const f = fields(this);
      if (f.timer) clearInterval(f.timer);
      if (f.flow) f.flow.hidden();
      fields.drop(this);
    },
  },
  methods: {
    /**
     * Veto hook: `fn({method, account?, phone?, countryCode?, email?})` runs after validation and consent, right
     * before the request; return false (or a promise of false) to cancel. Never receives the password.
     * Usage: `this.selectComponent('#login').setBeforeLogin(ctx => ...)`. Pass null to remove.
     */
    setBeforeLogin(fn: BeforeLoginHook | null) {
      const f = fields(this);
      if (f.flow) f.flow.setBeforeLogin(fn);
    },

    flowConfig(): Partial<LoginFormConfig> {
      const p = this.properties;
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
      };
    },

    texts(): TextTable {
      return mergeTexts(LOGIN_TEXTS, this.properties.lang, this.properties.texts);
    },

    /** Flow state (+ properties, texts, clock) → view model → one diffed setData. */
    render() {
      const f = fields(this);
      const flow = f.flow;
      if (!flow) return;
      const s: LoginFormState = flow.state;
      const t = this.texts();
      const agreements: Agreement[] = normalizeAgreements(this.properties.agreements);
      const countdown = secondsLeft(s.countdownEndsAt);
      const emailCountdown = secondsLeft(s.emailCountdownEndsAt);
      const countryIndex = Math.max(0, COUNTRY_CODES.findIndex((c) => c.code === s.countryCode));
      const lang: Lang = pickLang(this.properties.lang);
      const consentParts = t.consentMessage.split('{agreements}');
      f.view.commit(this, {
        t,
        tabs: s.methods.map((m) => ({ value: m, label: t[TAB_TEXT[m]] })),
        showTabs: s.methods.length > 1,
        hasPassword: s.methods.indexOf('password') >= 0,
        hasSms: s.methods.indexOf('sms') >= 0,
        hasEmail: s.methods.indexOf('email') >= 0,
        hasWechat: s.methods.indexOf('wechat') >= 0,
        method: s.method,
        busy: s.busy || '',
        errAccount: problemText(t, s.errors.account),
        errPassword: problemText(t, s.errors.password),
        errPhone: problemText(t, s.errors.phone),
        errCode: problemText(t, s.errors.code),
        errEmail: problemText(t, s.errors.email),
        errEmailCode: problemText(t, s.errors.emailCode),
        formError: errorText(t, s.formError),
        passwordVisible: s.passwordVisible,
        countryLabels: COUNTRY_CODES.map((c) => c.label[lang]),
        countryIndex,
        countryCode: s.countryCode,
        // Bound to the phone input for the restored number; re-sent as typed whenever a render happens
        // anyway, so re-applying the binding can never wipe what the user typed.
        phoneValue: flow.value('phone'),
        emailValue: flow.value('email'),
        codeLength: flow.config.codeLength,
        codePlaceholder: format(t.codePlaceholder, { length: flow.config.codeLength }),
        resendLeft: countdown,
        resendText: countdown ? format(t.resendIn, { seconds: countdown }) : '',
        emailResendLeft: emailCountdown,
        emailResendText: emailCountdown ? format(t.resendIn, { seconds: emailCountdown }) : '',
        agreementItems: agreements,
        consentRequired: s.consent.required,
        agreed: s.consent.agreed,
        // Open-type only with consent: WeChat opens its phone dialog straight from the tap.
        phoneOpenType: !s.consent.required || s.consent.agreed,
        consentVisible: s.consent.prompting,
        consentPendingPhone: s.consent.prompting && s.consent.pending === 'phone',
        consentText: agreements.length
          ? format(t.consentMessage, { agreements: joinAgreementTitles(agreements, t.and, t.comma) })
          : '',
        // The prompt renders the titles as links between the text around `{agreements}`.
        consentPrefix: consentParts[0],
        consentSuffix: consentParts.slice(1).join(''),
      });
      this.syncTimer(countdown > 0 || emailCountdown > 0);
    },

    /** Runs the 1 s display timer only while a countdown is shown. */
    syncTimer(running: boolean) {
      const f = fields(this);
      if (running && !f.timer) {
        f.timer = setInterval(() => {
          const flow = fields.has(this) ? fields(this).flow : null;
          if (!flow) return;
          const ended = (endsAt: number) => endsAt !== 0 && endsAt <= Date.now();
          if (ended(flow.state.countdownEndsAt) || ended(flow.state.emailCountdownEndsAt)) flow.countdownTick();
          else this.render();
        }, 1000);
      } else if (!running && f.timer) {
        clearInterval(f.timer);
        f.timer = null;
      }
    },

    notify(notice: LoginNotice) {
      const t = this.texts();
      const message = notice.type === 'error' ? errorText(t, notice.error) : t[notice.key];
      if (!message) return;
      Toast({
        context: this,
        selector: '#authing-toast',
        message,
        theme: notice.type === 'error' ? 'error' : undefined,
        direction: 'column',
      } as Parameters<typeof Toast>[0]);
    },

    input(field: LoginField, e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) {
      const f = fields(this);
      if (f.flow) f.flow.input(field, e.detail && e.detail.value);
    },
    onAccountInput(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) { this.input('account', e); },
    /** t-input's clear icon empties the field without a `change` event. */
    onAccountClear() {
      const f = fields(this);
      if (f.flow) f.flow.input('account', '');
    },
    onPasswordInput(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) { this.input('password', e); },
    onPhoneInput(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) { this.input('phone', e); },
    onCodeInput(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) { this.input('code', e); },
    onEmailInput(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) { this.input('email', e); },
    onEmailCodeInput(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) { this.input('emailCode', e); },

    onTabChange(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) {
      const f = fields(this);
      if (f.flow) f.flow.selectMethod(e.detail && e.detail.value);
    },
    onTogglePassword() {
      const f = fields(this);
      if (f.flow) f.flow.togglePasswordVisible();
    },
    onCountryChange(e: WechatMiniprogram.CustomEvent<{ value?: unknown }>) {
      const f = fields(this);
      const entry = COUNTRY_CODES[Number(e.detail && e.detail.value)];
      if (f.flow && entry) f.flow.setCountryCode(entry.code);
    },
    onSendCode() {
      const f = fields(this);
      if (f.flow) f.flow.sendCode();
    },
    onSubmit() {
      const f = fields(this);
      if (f.flow) f.flow.submit();
    },
    onWechatLogin() {
      const f = fields(this);
      if (f.flow) f.flow.wechatLogin();
    },
    /** The phone button before consent (a plain button): asks for consent first. */
    onPhoneGate() {
      const f = fields(this);
      if (f.flow) f.flow.phoneTap();
    },
    /** Drops the second delivery of one native event through the t-button virtual host. */
    firstDelivery(e: WechatMiniprogram.CustomEvent): boolean {
      const f = fields(this);
      if (e.detail === f.lastPhoneDetail) return false;
      f.lastPhoneDetail = e.detail;
      return true;
    },
    onGetPhoneNumber(e: WechatMiniprogram.CustomEvent) {
      const f = fields(this);
      if (f.flow && this.firstDelivery(e)) f.flow.phoneResult(e.detail);
    },
    onAgreeChange(e: WechatMiniprogram.CustomEvent<{ checked?: boolean }>) {
      const f = fields(this);
      if (f.flow) f.flow.setAgreed(!!(e.detail && e.detail.checked));
    },
    /** Agreement link: a page path opens with navigateTo; every tap is reported as `agreement-tap`. */
    onAgreementTap(e: WechatMiniprogram.BaseEvent) {
      const index = Number(e.currentTarget.dataset.index);
      const agreement = normalizeAgreements(this.properties.agreements)[index];
      if (!agreement) return;
      this.triggerEvent('agreement-tap', { index, title: agreement.title, url: agreement.url });
      if (agreement.url.charAt(0) === '/' && typeof wx !== 'undefined' && typeof wx.navigateTo === 'function') {
        wx.navigateTo({ url: agreement.url });
      }
    },
    onConsentAgree() {
      const f = fields(this);
      if (f.flow) f.flow.agree();
    },
    /** The prompt's agree button is the open-type phone button when the parked action is the phone login. */
    onConsentAgreePhone(e: WechatMiniprogram.CustomEvent) {
      const f = fields(this);
      if (f.flow && this.firstDelivery(e)) f.flow.agreePhone(e.detail);
    },
    onConsentCancel() {
      const f = fields(this);
      if (f.flow) f.flow.dismiss();
    },
  },
});
