// Every visible / spoken string of <authing-reset-password>, zh-CN and en-US. The host overrides any of
// them with the `texts` property (same keys). Validation and client-failure messages come from core/i18n.

import type { Lang } from '../../core/types';
import { coreMessages } from '../common/texts';
import type { TextTable } from '../common/texts';

const CORE_KEYS = [
  'required', 'invalidPhone', 'invalidCountryCode', 'invalidEmail', 'invalidSmsCode', 'invalidPassword',
  'network', 'timeout', 'http', 'badResponse', 'encrypt',
  'field_password', 'field_phone', 'field_code', 'field_email',
] as const;

const zhCN: TextTable = {
  title: '找回密码',
  tabSms: '手机验证',
  tabEmail: '邮箱验证',
  stepVerify: '验证身份后设置新密码',
  stepPassword: '请设置新密码',
  countryCodeLabel: '国家/地区代码',
  phoneLabel: '手机号',
  phonePlaceholder: '请输入绑定的手机号',
  emailLabel: '邮箱',
  emailPlaceholder: '请输入绑定的邮箱',
  codeLabel: '验证码',
  codePlaceholder: '请输入 {length} 位验证码',
  sendCode: '获取验证码',
  sending: '发送中…',
  resendIn: '{seconds}s 后重发',
  codeSent: '验证码已发送',
  next: '下一步',
  verifying: '验证中…',
  passwordLabel: '新密码',
  passwordPlaceholder: '6-64 位新密码',
  confirmLabel: '确认密码',
  confirmPlaceholder: '再次输入新密码',
  field_confirm: '确认密码',
  showPassword: '显示密码',
  hidePassword: '隐藏密码',
  submit: '重置密码',
  submitting: '提交中…',
  passwordMismatch: '两次输入的密码不一致',
  wrongCode: '验证码错误或已失效',
  tokenExpired: '验证已过期或已使用，请重新获取验证码',
  resetDone: '密码已重置，请使用新密码登录',
  otherCode: '重新获取验证码',
  backToLogin: '返回登录',
  notConfigured: '找回密码组件未配置 Authing 客户端（app-id / user-pool-id，或在 app 中 setDefaultClient）',
};

const enUS: TextTable = {
  title: 'Reset password',
  tabSms: 'By phone',
  tabEmail: 'By email',
  stepVerify: 'Verify it is you, then set a new password',
  stepPassword: 'Set a new password',
  countryCodeLabel: 'Country code',
  phoneLabel: 'Phone',
  phonePlaceholder: 'Your phone number',
  emailLabel: 'Email',
  emailPlaceholder: 'Your email',
  codeLabel: 'Code',
  codePlaceholder: 'Enter the {length}-digit code',
  sendCode: 'Send code',
  sending: 'Sending…',
  resendIn: 'Resend in {seconds}s',
  codeSent: 'Code sent',
  next: 'Next',
  verifying: 'Verifying…',
  passwordLabel: 'New password',
  passwordPlaceholder: '6-64 characters',
  confirmLabel: 'Confirm',
  confirmPlaceholder: 'Enter it again',
  field_confirm: 'the confirmation',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
  submit: 'Reset password',
  submitting: 'Saving…',
  passwordMismatch: 'The passwords do not match',
  wrongCode: 'Wrong or expired code',
  tokenExpired: 'The verification expired or was already used. Please get a new code.',
  resetDone: 'Password changed. Log in with the new one.',
  otherCode: 'Get a new code',
  backToLogin: 'Back to login',
  notConfigured: 'The reset form has no Authing client (set app-id / user-pool-id, or call setDefaultClient in app.js)',
};

export const RESET_PASSWORD_TEXTS: Record<Lang, TextTable> = {
  'zh-CN': { ...coreMessages('zh-CN', CORE_KEYS), ...zhCN },
  'en-US': { ...coreMessages('en-US', CORE_KEYS), ...enUS },
};
