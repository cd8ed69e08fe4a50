// What the <authing-login> flow sends: the code channels (SMS, email), the login request of each
// action, and the `login` event detail (userInfo from the id_token unless the full profile is asked for).
import type { AuthingClient, ErrorData, LoginState, PassCodePayload } from '../types';
import { validateEmail, validatePhone } from '../validate';
import type { Problem } from '../validate';
import { countdownKey } from './countdown';
import type { FieldError } from './field-errors';
import { userInfoFromClaims } from '../claims';
import { translate } from '../i18n';
import { loginWithPhoneCode } from './phone-button';
import type { EventAction } from './events';
import { DEFAULT_WECHAT_IDP, EMAIL_COUNTDOWN_CHANNEL, passwordPayload } from './login-types';
import type { CodeMethod, EventMethod, FetchUserInfo, LoginAction, LoginDetail, LoginField, LoginFormConfig } from './login-types';

export const NO_ERRORS: Record<LoginField, FieldError | null> = { account: null, password: null, phone: null, code: null, email: null, emailCode: null, captcha: null };

/**
 * One "target + code" method: where its values live, how the target is checked, sent to and logged in
 * with. Everything else (validation order, consent, busy guard, countdown, events) is shared.
 */
export interface CodeChannel {
  method: CodeMethod;
  /** Its send action (`busy` while sending). */
  send: LoginAction;
  target: 'phone' | 'email';
  code: 'code' | 'emailCode';
  endsAt: 'countdownEndsAt' | 'emailCountdownEndsAt';
  /** Countdown key prefix of its channel (restore() picks the latest one under it). */
  prefix(config: LoginFormConfig): string;
  key(config: LoginFormConfig, countryCode: string, target: string): string;
  validate(target: string, countryCode: string): Problem | null;
  request(client: AuthingClient, config: LoginFormConfig, target: string, countryCode: string): Promise<[ErrorData | null, unknown]>;
  payload(target: string, code: string, countryCode: string): PassCodePayload;
  /** `send-code` event detail. */
  sent(target: string, countryCode: string): Record<string, unknown>;
}

export const CODE_CHANNELS: Record<CodeMethod, CodeChannel> = {
  sms: {
    method: 'sms',
    send: 'send-code',
    target: 'phone',
    code: 'code',
    endsAt: 'countdownEndsAt',
    prefix: (config) => config.smsChannel + ':',
    key: (config, countryCode, phone) => countdownKey(config.smsChannel, countryCode, phone),
    validate: (phone, countryCode) => validatePhone(phone, countryCode),
    request: (client, config, phone, countryCode) => client.sendSms({ phoneNumber: phone, channel: config.smsChannel, phoneCountryCode: countryCode }),
    payload: (phone, passCode, countryCode) => ({ phone, passCode, phoneCountryCode: countryCode }),
    sent: (phone, countryCode) => ({ phone, countryCode }),
  },
  email: {
    method: 'email',
    send: 'send-email-code',
    target: 'email',
    code: 'emailCode',
    endsAt: 'emailCountdownEndsAt',
    prefix: () => EMAIL_COUNTDOWN_CHANNEL + ':',
    // Addresses are case-insensitive (the server lower-cases them), so is their countdown.
    key: (_config, _countryCode, email) => countdownKey(EMAIL_COUNTDOWN_CHANNEL, '', email.toLowerCase()),
    validate: (email) => validateEmail(email),
    // sendEmailCode comes with `authing-miniapp-kit/account`; without it the tab says which module to import.
    request: (client, config, email) =>
      typeof client.sendEmailCode === 'function'
        ? client.sendEmailCode({ email, channel: config.emailChannel })
        : Promise.resolve([{ code: 'invalid_options', message: translate(client.options.lang, 'moduleMissing', { method: 'sendEmailCode', module: 'authing-miniapp-kit/account' }) }, undefined]),
    payload: (email, passCode) => ({ email, passCode }),
    sent: (email) => ({ email }),
  },
};
export const CODE_METHODS = Object.keys(CODE_CHANNELS) as CodeMethod[];

/** The code method an action belongs to (its login or its send), if any. */
export function codeChannelOf(action: LoginAction): CodeChannel | null {
  for (const m of CODE_METHODS) {
    const c = CODE_CHANNELS[m];
    if (action === c.method || action === c.send) return c;
  }
  return null;
}

/** The `action` of an `error` / `cancel` detail: a send, else a login. */
export function eventAction(action: LoginAction): EventAction {
  const c = codeChannelOf(action);
  return c && action === c.send ? 'send-code' : 'login';
}

export function eventMethod(action: LoginAction): EventMethod {
  const c = codeChannelOf(action);
  return c ? c.method : (action as EventMethod);
}

/** What the user typed that a login request needs. */
export interface LoginInput {
  values: Record<LoginField, string>;
  countryCode: string;
  /** The getPhoneNumber code of a `phone` action. */
  phoneCode: string;
  /** Extra sign-in options of a password login (the captcha's code and token). */
  passwordOptions?: { captchaCode?: string; captchaToken?: string };
}

/** The one request of a login action. */
export function sendLogin(client: AuthingClient, action: LoginAction, config: LoginFormConfig, input: LoginInput): Promise<[ErrorData, undefined] | [null, LoginState]> {
  const { values } = input;
  const scope = config.scope.trim();
  const options: { autoRegister?: boolean; scope?: string } = {};
  if (config.autoRegister) options.autoRegister = true;
  if (scope) options.scope = scope;
  const wxOptions = scope ? { options: { scope } } : {};
  const idp = config.extIdpConnIdentifier || DEFAULT_WECHAT_IDP;
  const code = codeChannelOf(action);
  if (code) {
    return client.loginByPassCode({ passCodePayload: code.payload(values[code.target].trim(), values[code.code].trim(), input.countryCode), options });
  }
  if (action === 'password') {
    const withCaptcha = { ...options, ...input.passwordOptions };
    return client.loginByPassword({
      passwordPayload: passwordPayload(values.account, values.password),
      options: config.encrypt !== 'none' ? { ...withCaptcha, passwordEncryptType: config.encrypt } : withCaptcha,
    });
  }
  if (action === 'wechat') return client.loginByCode({ extIdpConnidentifier: idp, ...wxOptions });
  return loginWithPhoneCode(client, { idp, code: input.phoneCode, scope });
}

/**
 * The `login` event detail. One round trip: the id_token already carries the display profile;
 * get-profile only when asked ('full') or when the server sent no readable id_token.
 */
export async function loginDetail(client: AuthingClient, method: EventMethod, loginState: LoginState, fetchUserInfo: FetchUserInfo): Promise<LoginDetail> {
  const detail: LoginDetail = { method, loginState };
  const claims = fetchUserInfo === true ? userInfoFromClaims(loginState) : undefined;
  if (claims) {
    detail.userInfo = claims;
    detail.userInfoSource = 'claims';
  } else if (fetchUserInfo) {
    const [, userInfo] = await client.getUserInfo();
    if (userInfo) {
      detail.userInfo = userInfo;
      detail.userInfoSource = 'profile';
    }
  }
  return detail;
}
