// Every visible / spoken string of <authing-bind-phone>, zh-CN and en-US. The host overrides any of them with
// the `texts` property (same keys). Validation and transport messages come from core/i18n (the headless
// client's wording) and are overridable here too.

import type { Lang } from '../../core/types';
import { coreMessages } from '../common/texts';
import type { TextTable } from '../common/texts';

const CORE_KEYS = [
  'required', 'invalidPhone', 'invalidCountryCode', 'invalidSmsCode', 'field_phone', 'field_code',
] as const;

const zhCN: TextTable = {
  title: '绑定手机号',
  intro: '为了账号安全，请绑定你的手机号',
  countryCodeLabel: '国家/地区代码',
  phoneLabel: '手机号',
  phonePlaceholder: '请输入手机号',
  codeLabel: '验证码',
  codePlaceholder: '请输入 {length} 位验证码',
  sendCode: '获取验证码',
  sending: '发送中…',
  resendIn: '{seconds}s 后重发',
  codeSent: '验证码已发送',
  bind: '绑定',
  binding: '绑定中…',
  bound: '手机号已绑定',
  skip: '暂不绑定',
  wrongCode: '验证码错误或已失效',
  notConfigured: '组件未配置 Authing 客户端（app-id / user-pool-id 或 setDefaultClient）',
};

const enUS: TextTable = {
  title: 'Bind your phone',
  intro: 'Add a phone number to keep your account safe',
  countryCodeLabel: 'Country code',
  phoneLabel: 'Phone',
  phonePlaceholder: 'Phone number',
  codeLabel: 'Code',
  codePlaceholder: '{length}-digit code',
  sendCode: 'Get code',
  sending: 'Sending…',
  resendIn: 'Resend in {seconds}s',
  codeSent: 'Code sent',
  bind: 'Bind',
  binding: 'Binding…',
  bound: 'Phone number bound',
  skip: 'Skip for now',
  wrongCode: 'Wrong or expired code',
  notConfigured: 'No Authing client: set app-id / user-pool-id or call setDefaultClient()',
};

export const BIND_PHONE_TEXTS: Record<Lang, TextTable> = {
  'zh-CN': { ...coreMessages('zh-CN', CORE_KEYS), ...zhCN },
  'en-US': { ...coreMessages('en-US', CORE_KEYS), ...enUS },
};
