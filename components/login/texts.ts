// Every visible / spoken string of <authing-login>, zh-CN and en-US. The host overrides any of them with
// the `texts` property (same keys). Validation and client-failure messages are taken from core/i18n so the
// wording matches the headless client, and are overridable here too.

import type { Lang } from '../../core/types';
import { coreMessages } from '../common/texts';
import type { TextTable } from '../common/texts';

/** core/i18n keys the form can show (validation + kit-detected failures) and the field names they use. */
const CORE_KEYS = [
  'required', 'invalidPhone', 'invalidCountryCode', 'invalidEmail', 'invalidAccount', 'invalidSmsCode', 'invalidPassword',
  'network', 'timeout', 'http', 'badResponse', 'encrypt', 'loginCode',
  'field_account', 'field_password', 'field_phone', 'field_code', 'field_email',
] as const;

const zhCN: TextTable = {
  tabPassword: '密码登录',
  tabSms: '验证码登录',
  tabWechat: '微信登录',
  tabsLabel: '登录方式',
  accountLabel: '账号',
  accountPlaceholder: '用户名 / 手机号 / 邮箱',
  passwordLabel: '密码',
  passwordPlaceholder: '请输入密码',
  showPassword: '显示密码',
  hidePassword: '隐藏密码',
  countryCodeLabel: '国家/地区代码',
  phoneLabel: '手机号',
  phonePlaceholder: '请输入手机号',
  codeLabel: '验证码',
  codePlaceholder: '请输入 {length} 位验证码',
  sendCode: '获取验证码',
  resendIn: '{seconds}s 后重发',
  codeSent: '验证码已发送',
  login: '登录',
  loginLoading: '登录中…',
  sending: '发送中…',
  wechatLogin: '微信一键登录',
  phoneLogin: '手机号快捷登录',
  wechatHint: '使用当前微信账号登录',
  agreePrefix: '我已阅读并同意',
  and: '和',
  comma: '、',
  agreementsLabel: '同意用户协议',
  consentTitle: '服务协议及隐私保护',
  consentMessage: '请先阅读并同意{agreements}',
  consentAgree: '同意并继续',
  consentCancel: '不同意',
  consentCancelled: '需同意协议后才能登录',
  phoneDenied: '已取消手机号授权，可选择其他方式登录',
  phoneUnavailable: '暂时无法获取手机号，请选择其他方式登录',
  vetoed: '登录已取消',
  notConfigured: '登录组件未配置 Authing 客户端（app-id / user-pool-id，或在 app 中 setDefaultClient）',
  errorTitle: '登录失败',
};

const enUS: TextTable = {
  tabPassword: 'Password',
  tabSms: 'SMS code',
  tabWechat: 'WeChat',
  tabsLabel: 'Login method',
  accountLabel: 'Account',
  accountPlaceholder: 'Username / phone / email',
  passwordLabel: 'Password',
  passwordPlaceholder: 'Enter your password',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
  countryCodeLabel: 'Country code',
  phoneLabel: 'Phone',
  phonePlaceholder: 'Enter your phone number',
  codeLabel: 'Code',
  codePlaceholder: 'Enter the {length}-digit code',
  sendCode: 'Send code',
  resendIn: 'Resend in {seconds}s',
  codeSent: 'Code sent',
  login: 'Log in',
  loginLoading: 'Logging in…',
  sending: 'Sending…',
  wechatLogin: 'Log in with WeChat',
  phoneLogin: 'Log in with phone number',
  wechatHint: 'Use your current WeChat account',
  agreePrefix: 'I have read and accept ',
  and: ' and ',
  comma: ', ',
  agreementsLabel: 'Accept the agreements',
  consentTitle: 'Terms and privacy',
  consentMessage: 'Please read and accept {agreements} first',
  consentAgree: 'Accept and continue',
  consentCancel: 'Decline',
  consentCancelled: 'You need to accept the agreements to log in',
  phoneDenied: 'You did not share your phone number. You can use another method.',
  phoneUnavailable: 'Your phone number is not available right now. Please use another method.',
  vetoed: 'Login cancelled',
  notConfigured: 'The login form has no Authing client (set app-id / user-pool-id, or call setDefaultClient in app.js)',
  errorTitle: 'Login failed',
};

export const LOGIN_TEXTS: Record<Lang, TextTable> = {
  'zh-CN': { ...coreMessages('zh-CN', CORE_KEYS), ...zhCN },
  'en-US': { ...coreMessages('en-US', CORE_KEYS), ...enUS },
};
