// Every visible / spoken string of <authing-mfa>, zh-CN and en-US. The host overrides any of them with
// the `texts` property (same keys). Validation and client-failure messages come from core/i18n so the
// wording matches the headless client, and are overridable here too.

import type { Lang } from '../../core/types';
import { coreMessages } from '../common/texts';
import type { TextTable } from '../common/texts';

const CORE_KEYS = ['required', 'invalidSmsCode', 'network', 'timeout', 'http', 'badResponse', 'field_code'] as const;

const zhCN: TextTable = {
  title: '安全验证',
  intro: '账号已开启多因素认证，请完成验证',
  factorsLabel: '验证方式',
  factor_sms: '短信',
  factor_email: '邮箱',
  factor_totp: '身份验证器',
  'factor_recovery-code': '恢复码',
  hint_sms: '验证码将发送至 {target}',
  hint_email: '验证码将发送至 {target}',
  hint_totp: '请输入身份验证器 App 中的 6 位动态口令',
  'hint_recovery-code': '请输入一个未使用过的恢复码（每个只能用一次）',
  codeLabel: '验证码',
  codePlaceholder: '请输入 {length} 位验证码',
  totpLabel: '动态口令',
  totpPlaceholder: '6 位数字',
  recoveryLabel: '恢复码',
  recoveryPlaceholder: '例如 a1b2-c3d4',
  field_recoveryCode: '恢复码',
  sendCode: '获取验证码',
  sending: '发送中…',
  resendIn: '{seconds}s 后重发',
  codeSent: '验证码已发送',
  verify: '验证并登录',
  verifying: '验证中…',
  back: '返回登录',
  noFactor: '没有可用的验证方式，请返回重新登录或联系管理员',
  expired: '验证已超时，请重新登录',
  wrongCode: '验证码错误或已失效',
  wrongTotp: '动态口令错误或已过期',
  wrongRecoveryCode: '恢复码错误或已使用',
  notConfigured: 'MFA 组件未配置 Authing 客户端（app-id / user-pool-id，或在 app 中 setDefaultClient）',
};

const enUS: TextTable = {
  title: 'Verify it\'s you',
  intro: 'This account uses multi-factor authentication. Please verify.',
  factorsLabel: 'Verification method',
  factor_sms: 'SMS',
  factor_email: 'Email',
  factor_totp: 'Authenticator',
  'factor_recovery-code': 'Recovery code',
  hint_sms: 'We will text a code to {target}',
  hint_email: 'We will email a code to {target}',
  hint_totp: 'Enter the 6-digit code from your authenticator app',
  'hint_recovery-code': 'Enter an unused recovery code (each works once)',
  codeLabel: 'Code',
  codePlaceholder: 'Enter the {length}-digit code',
  totpLabel: 'Authenticator code',
  totpPlaceholder: '6 digits',
  recoveryLabel: 'Recovery code',
  recoveryPlaceholder: 'e.g. a1b2-c3d4',
  field_recoveryCode: 'recovery code',
  sendCode: 'Send code',
  sending: 'Sending…',
  resendIn: 'Resend in {seconds}s',
  codeSent: 'Code sent',
  verify: 'Verify and log in',
  verifying: 'Verifying…',
  back: 'Back to login',
  noFactor: 'No verification method is available. Go back and sign in again, or contact your administrator.',
  expired: 'The verification timed out. Please log in again.',
  wrongCode: 'Wrong or expired code',
  wrongTotp: 'Wrong code. Enter the current code of your authenticator app.',
  wrongRecoveryCode: 'Wrong or already used recovery code',
  notConfigured: 'The MFA component has no Authing client (set app-id / user-pool-id, or call setDefaultClient in app.js)',
};

export const MFA_TEXTS: Record<Lang, TextTable> = {
  'zh-CN': { ...coreMessages('zh-CN', CORE_KEYS), ...zhCN },
  'en-US': { ...coreMessages('en-US', CORE_KEYS), ...enUS },
};
