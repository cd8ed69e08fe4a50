// Every visible / spoken string of <authing-phone-button>, zh-CN and en-US. The host overrides any of them with the
// `texts` property (same keys).

import type { Lang } from '../../core/types';
import type { TextTable } from '../common/texts';

const zhCN: TextTable = {
  label: '获取手机号',
  loginLabel: '手机号快捷登录',
  loading: '请稍候…',
  denied: '你已取消授权手机号，可稍后再试',
  noQuota: '手机号快速验证次数已用完，请改用其他方式或联系小程序管理员',
  noPermission: '当前小程序暂无获取手机号的权限，请改用其他方式',
  platformFail: '获取手机号失败，请稍后重试',
  notConfigured: '组件未配置 Authing 客户端（app-id / user-pool-id 或 setDefaultClient）',
  missingIdp: '组件缺少 ext-idp-conn-identifier（微信小程序身份源标识）',
  consentPrompt: '请先阅读并同意{agreements}',
  consentAgree: '同意',
  consentCancel: '不同意',
  consentPrefix: '我已阅读并同意',
  consentCheckbox: '同意用户协议',
  consentCancelled: '需同意协议后才能使用手机号',
  and: '和',
  agreementQuote: '《{title}》',
  comma: '、',
};

const enUS: TextTable = {
  label: 'Share phone number',
  loginLabel: 'Log in with phone number',
  loading: 'Please wait…',
  denied: 'You did not share your phone number. You can try again later.',
  noQuota: 'Phone number verification is out of quota. Please use another method or contact the mini-program owner.',
  noPermission: 'This mini-program is not allowed to request phone numbers. Please use another method.',
  platformFail: 'Could not get your phone number, please retry',
  notConfigured: 'No Authing client: set app-id / user-pool-id or call setDefaultClient()',
  missingIdp: 'Missing ext-idp-conn-identifier (the WeChat mini-program identity source)',
  consentPrompt: 'Please read and accept {agreements} first',
  consentAgree: 'Accept',
  consentCancel: 'Decline',
  consentPrefix: 'I have read and accept ',
  consentCheckbox: 'Accept the agreements',
  consentCancelled: 'You need to accept the agreements to share your phone number',
  and: ' and ',
  agreementQuote: '{title}',
  comma: ', ',
};

export const PHONE_BUTTON_TEXTS: Record<Lang, TextTable> = { 'zh-CN': zhCN, 'en-US': enUS };
