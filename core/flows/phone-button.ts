// What a getPhoneNumber / getRealtimePhoneNumber result means, and the phone login request. Shared by
// <authing-phone-button> (flow: phone-button-flow.ts) and <authing-login> (its WeChat tab). Plain TS, no wx.
//
// WeChat reports the outcome of its phone dialog only through the button event's detail:
//   ok            { errMsg: 'getPhoneNumber:ok', code }           (code: single-use, exchanged server-side)
//   declined      { errMsg: 'getPhoneNumber:fail user deny' }     (also 'fail:user deny', '...:fail cancel')
//   no quota      { errMsg: '...:fail no quota', errno: 1400001 } (paid API: free calls / balance used up)
//   no permission { errMsg: '...:fail no permission', errno: 102 } ('user not permitted' on some versions;
//                  individual / unverified accounts cannot use the phone-number components)
//   privacy       { errMsg: '...:fail privacy permission is not authorized', errno: 104 } (the user declined
//                  WeChat's privacy authorization, <authing-privacy-popup>: a calm cancel, never retried)
// The last three must end without any request to the server.

import type { AuthingClient, ErrorData, LoginState, SDKResponse } from '../types';

export type PhoneResult =
  | { kind: 'ok'; code: string }
  | { kind: 'deny' }
  | { kind: 'privacy' }
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
  if (msg.indexOf('privacy permission') >= 0) return { kind: 'privacy' };
  if (msg.indexOf('deny') >= 0 || msg.indexOf('cancel') >= 0) return { kind: 'deny' };
  // A code is the only proof of success; an ':ok' without one is a broken result, not a success.
  if (code && (msg === '' || /:ok$/.test(msg))) return { kind: 'ok', code };
  return { kind: 'fail', errMsg: errMsg || 'getPhoneNumber:fail', errno };
}

/** The text key shown (and put in `error.message`) for a non-ok, non-deny result. */
export function phoneFailureKey(result: PhoneResult): 'noQuota' | 'noPermission' | 'denied' | 'platformFail' {
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

export interface PhoneLoginOptions {
  /** WeChat mini-program identity source identifier (Authing console). */
  idp: string;
  /** The single-use code from the getPhoneNumber event. */
  code: string;
  /** OIDC scope ('' = the server's default). */
  scope?: string;
}

/** The one phone login request of the kit (login tab and phone button alike). */
export function loginWithPhoneCode(client: AuthingClient, o: PhoneLoginOptions): SDKResponse<LoginState> {
  const scope = (o.scope || '').trim();
  return client.loginByPhone({
    extIdpConnidentifier: o.idp,
    wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: o.code } },
    ...(scope ? { options: { scope } } : {}),
  });
}
