// Flow logic of <authing-phone-button>: what a getPhoneNumber / getRealtimePhoneNumber result
// means, and the texts the button shows. Plain TS, no wx, so it is unit-tested without a simulator.
//
// WeChat reports the outcome of its phone dialog only through the button event's detail:
//   ok            { errMsg: 'getPhoneNumber:ok', code }           (code: single-use, exchanged server-side)
//   declined      { errMsg: 'getPhoneNumber:fail user deny' }     (also 'fail:user deny', '...:fail cancel')
//   no quota      { errMsg: '...:fail no quota', errno: 1400001 } (paid API: free calls / balance used up)
//   no permission { errMsg: '...:fail no permission', errno: 102 } ('user not permitted' on some versions;
//                  individual / unverified accounts cannot use the phone-number components)
// The last three must end without any request to the server.

import type { ErrorData, Lang } from '../types';

export type PhoneButtonMode = 'get-phone' | 'login';

export type PhoneResult =
  | { kind: 'ok'; code: string }
  | { kind: 'deny' }
  | { kind: 'no_quota'; errMsg: string; errno?: number }
  | { kind: 'no_permission'; errMsg: string; errno?: number }
  | { kind: 'fail'; errMsg: string; errno?: number };

export const ERRNO_NO_QUOTA = 1400001;
export const ERRNO_NO_PERMISSION = 102;

interface PhoneEventDetail {
  errMsg?: unknown;
  errno?: unknown;
  code?: unknown;
}

/** Classifies the `detail` of a getphonenumber / getrealtimephonenumber event. */
export function classifyPhoneResult(detail: unknown): PhoneResult {
  const d = (detail && typeof detail === 'object' ? detail : {}) as PhoneEventDetail;
  const errMsg = typeof d.errMsg === 'string' ? d.errMsg : '';
  const errno = typeof d.errno === 'number' ? d.errno : undefined;
  const msg = errMsg.toLowerCase();
  const code = typeof d.code === 'string' ? d.code.trim() : '';

  if (errno === ERRNO_NO_QUOTA || msg.indexOf('no quota') >= 0) return { kind: 'no_quota', errMsg, errno };
  if (errno === ERRNO_NO_PERMISSION || msg.indexOf('no permission') >= 0 || msg.indexOf('not permitted') >= 0) {
    return { kind: 'no_permission', errMsg, errno };
  }
  if (msg.indexOf('deny') >= 0 || msg.indexOf('cancel') >= 0) return { kind: 'deny' };
  // A code is the only proof of success; an ':ok' without one is a broken result, not a success.
  if (code && (msg === '' || /:ok$/.test(msg))) return { kind: 'ok', code };
  return { kind: 'fail', errMsg: errMsg || 'getPhoneNumber:fail', errno };
}

export type PhoneTextKey =
  | 'label'
  | 'loginLabel'
  | 'loading'
  | 'denied'
  | 'noQuota'
  | 'noPermission'
  | 'platformFail'
  | 'notConfigured'
  | 'missingIdp'
  | 'consentPrompt'
  | 'consentAgree'
  | 'consentCancel'
  | 'consentPrefix'
  | 'consentAgreed'
  | 'consentCheckbox'
  | 'consentCancelled'
  | 'and'
  | 'comma';

export const PHONE_BUTTON_TEXTS: Record<Lang, Record<PhoneTextKey, string>> = {
  'zh-CN': {
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
    consentAgreed: '已同意协议，请再次点击按钮',
    consentCheckbox: '同意用户协议',
    consentCancelled: '需同意协议后才能使用手机号',
    and: '和',
    comma: '、',
  },
  'en-US': {
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
    consentAgreed: 'Accepted. Please tap the button again.',
    consentCheckbox: 'Accept the agreements',
    consentCancelled: 'You need to accept the agreements to share your phone number',
    and: ' and ',
    comma: ', ',
  },
};

/** The text shown (and put in `error.message`) for a non-ok, non-deny result. */
export function phoneFailureKey(result: PhoneResult): PhoneTextKey {
  switch (result.kind) {
    case 'no_quota': return 'noQuota';
    case 'no_permission': return 'noPermission';
    case 'deny': return 'denied';
    default: return 'platformFail';
  }
}

/** The `ErrorData` of a platform-side failure (no request was made); errMsg/errno go in the event detail. */
export function phoneFailureError(message: string): ErrorData {
  return { message, code: 'platform' };
}

export function normalizeMode(value: unknown): PhoneButtonMode {
  return value === 'login' ? 'login' : 'get-phone';
}
