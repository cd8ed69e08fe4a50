// Public types of the headless client. Names and shapes follow Authing's mini-program SDK 5.x
// (see docs/wire-contract.md) so code written against `@authing/miniapp-wx` type-checks here too.

import type { Platform } from './platform/types';

/** Every public method resolves to one of these; none rejects or throws. */
export type SDKResponse<T> = Promise<[ErrorData, undefined] | [null, T]>;

/** What a failed call resolves to. `message` is always a readable string. */
export interface ErrorData {
  message: string;
  /** HTTP-like status from the server envelope (or the HTTP status when there was no envelope). */
  statusCode?: number;
  /** Authing's business error code, when the server gave one. */
  apiCode?: number;
  /** Authing's request id, for support tickets. */
  requestId?: string;
  /**
   * Machine-readable reason, stable across languages. Set by the kit for failures it detects itself
   * (see `ErrorCode`); server failures carry `'server'` plus `apiCode`.
   */
  code?: ErrorCode;
  /** OIDC error name (`invalid_grant`...) when the token endpoint answered. */
  error?: string;
  error_description?: string;
  /** The platform's own failure text (e.g. `request:fail url not in domain list`), for diagnostics. */
  errMsg?: string;
  /**
   * The error envelope's `data`, when the server sent one: e.g. the MFA challenge of a sign-in that
   * answered 1635 / 1636 (read it with `readMfaChallenge`), or a lockout's `remainCount`.
   */
  data?: Record<string, unknown>;
}

export type ErrorCode =
  | 'invalid_argument' // bad input caught before any request
  | 'invalid_options' // constructor options
  | 'not_logged_in' // no login state stored
  | 'login_expired' // login state stored but expired
  | 'refresh_expired' // no usable refresh token
  | 'network' // request failed to reach the server (DNS, refused, reset, domain not whitelisted)
  | 'timeout'
  | 'http' // non-2xx answer without an Authing envelope (e.g. an HTML 502 page)
  | 'bad_response' // malformed JSON or an empty/unexpected body
  | 'server' // the server answered with an Authing error envelope or an OIDC error
  | 'encrypt' // password encryption failed
  | 'platform' // a platform API (login, chooseMedia, storage) failed
  | 'cancel'; // the user cancelled (image picker, ...)

export type Lang = 'zh-CN' | 'en-US';

/** `encryptFunction(plainText, publicKey)` of the seed SDK: returns the ciphertext. */
export type EncryptFunction = (plainText: string, publicKey: string) => string;

export type EncryptType = 'none' | 'rsa' | 'sm2';

export interface AuthingOptions {
  appId: string;
  userPoolId: string;
  /** Default `https://core.authing.cn`. Plain `http://` is refused unless the host is loopback. */
  host?: string;
  /**
   * Your own `(plainText, publicKey) => cipher` for every encrypted call (SDK 5.x). Without it the
   * encryptor registered by `authing-miniapp-kit/crypto/rsa` or `/crypto/sm2` for the call's type is used.
   */
  encryptFunction?: EncryptFunction;
  /** Request timeout in ms (default 10000). */
  timeout?: number;
  /** Sent as `x-authing-lang`; also selects the language of the kit's own messages. Default `zh-CN`. */
  lang?: Lang;
  /** Platform adapter; default: native WeChat (`wx`). See `createTaroPlatform`, `createUniPlatform`. */
  platform?: Platform;
}

/** The token set stored after a login, plus `expires_at` (ms epoch). */
export interface LoginState {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type?: string;
  scope?: string;
  expires_in: number;
  /** ms since epoch; computed at save time with a clock-skew margin. */
  expires_at: number;
  [extra: string]: unknown;
}

export type Gender = 'M' | 'F' | 'U';

export type Provider = 'wechat' | 'wechat-miniprogram' | string;

export interface Identity {
  identityId?: string;
  extIdpId?: string;
  provider?: Provider;
  type?: string;
  userIdInIdp?: string;
  originConnIds?: string[];
  [extra: string]: unknown;
}

export interface UserInfo {
  userId: string;
  createdAt?: string;
  updatedAt?: string;
  status?: string;
  email?: string | null;
  phone?: string | null;
  phoneCountryCode?: string | null;
  username?: string | null;
  name?: string | null;
  nickname?: string | null;
  photo?: string | null;
  gender?: Gender;
  birthdate?: string | null;
  country?: string | null;
  province?: string | null;
  city?: string | null;
  address?: string | null;
  streetAddress?: string | null;
  postalCode?: string | null;
  company?: string | null;
  externalId?: string | null;
  loginsCount?: number;
  lastLogin?: string | null;
  emailVerified?: boolean;
  phoneVerified?: boolean;
  identities?: Identity[];
  customData?: Record<string, unknown>;
  departmentIds?: string[];
  [extra: string]: unknown;
}

export interface UpdateUserInfo {
  name?: string;
  nickname?: string;
  photo?: string;
  externalId?: string;
  birthdate?: string;
  country?: string;
  province?: string;
  city?: string;
  address?: string;
  streetAddress?: string;
  postalCode?: string;
  gender?: Gender;
  username?: string;
  company?: string;
  customData?: Record<string, unknown>;
}

export type SmsChannel =
  | 'CHANNEL_LOGIN'
  | 'CHANNEL_REGISTER'
  | 'CHANNEL_RESET_PASSWORD'
  | 'CHANNEL_BIND_PHONE'
  | 'CHANNEL_UNBIND_PHONE'
  | 'CHANNEL_BIND_MFA'
  | 'CHANNEL_VERIFY_MFA'
  | 'CHANNEL_UNBIND_MFA'
  | 'CHANNEL_COMPLETE_PHONE'
  | 'CHANNEL_IDENTITY_VERIFICATION'
  | 'CHANNEL_DELETE_ACCOUNT';

/** Options accepted by the password and pass-code logins (`SignInOptionsDto`). */
export interface LoginOptions {
  scope?: string;
  clientIp?: string;
  context?: Record<string, unknown>;
  tenantId?: string;
  customData?: Record<string, unknown>;
  autoRegister?: boolean;
  captchaCode?: string;
  captchaToken?: string;
  passwordEncryptType?: EncryptType;
}

/** Options of the WeChat code / phone logins (`WxLoginOptions`). */
export interface WxLoginOptions {
  scope?: string;
  context?: Record<string, unknown>;
  tenantId?: string;
  customData?: Record<string, unknown>;
}

export interface PasswordPayload {
  password: string;
  account?: string;
  email?: string;
  username?: string;
  phone?: string;
}

export interface LoginByPasswordOptions {
  passwordPayload: PasswordPayload;
  options?: LoginOptions;
}

export interface PassCodePayload {
  passCode: string;
  email?: string;
  phone?: string;
  phoneCountryCode?: string;
}

export interface LoginByPassCodeOptions {
  passCodePayload: PassCodePayload;
  options?: LoginOptions;
}

export interface SendSmsOptions {
  phoneNumber: string;
  channel: SmsChannel;
  phoneCountryCode?: string;
}

export type EmailChannel =
  | 'CHANNEL_LOGIN'
  | 'CHANNEL_REGISTER'
  | 'CHANNEL_RESET_PASSWORD'
  | 'CHANNEL_VERIFY_EMAIL_LINK'
  | 'CHANNEL_UPDATE_EMAIL'
  | 'CHANNEL_BIND_EMAIL'
  | 'CHANNEL_UNBIND_EMAIL'
  | 'CHANNEL_VERIFY_MFA'
  | 'CHANNEL_UNLOCK_ACCOUNT'
  | 'CHANNEL_COMPLETE_EMAIL'
  | 'CHANNEL_DELETE_ACCOUNT';

export interface SendEmailCodeOptions {
  email: string;
  channel: EmailChannel;
}

export interface WechatMiniProgramCodePayload {
  encryptedData?: string;
  iv?: string;
  /** getUserProfile's rawData: not sent; keeps the nickname when encryptedData no longer decrypts (rotated session_key). */
  rawData?: string;
}

export interface LoginByCodeOptions {
  extIdpConnidentifier: string;
  /** Default `wechat_mini_program_code`. */
  connection?: 'wechat_mini_program_code';
  wechatMiniProgramCodePayload?: WechatMiniProgramCodePayload;
  options?: WxLoginOptions;
}

export interface LoginByPhoneOptions {
  extIdpConnidentifier: string;
  connection?: 'wechat_mini_program_code_and_phone';
  /** `wxPhoneInfo.code` is the getPhoneNumber button's `e.detail.code`. */
  wechatMiniProgramCodeAndPhonePayload?: {
    wxPhoneInfo: { code: string };
    wxLoginInfo?: { encryptedData?: string; iv?: string; rawData?: string };
  };
  /** Newer spelling accepted by the seed SDK. */
  miniProgramCodeAndPhonePayload?: {
    wxPhoneInfo: { code: string };
    wxLoginInfo?: { encryptedData?: string; iv?: string; rawData?: string };
  };
  options?: WxLoginOptions;
}

export interface GetPhoneOptions {
  extIdpConnidentifier: string;
  /** The getPhoneNumber button's `e.detail.code`. */
  code: string;
}

export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
  watermark?: { appid: string; timestamp: number };
}

export interface UpdatePasswordOptions {
  newPassword: string;
  oldPassword?: string;
  passwordEncryptType?: EncryptType;
}

export interface GetUserInfoOptions {
  withCustomData?: boolean;
  withIdentities?: boolean;
  withDepartmentIds?: boolean;
}

/** Envelope returned as-is by calls without `data` (send-sms, update-password). */
export interface SimpleResponseData {
  statusCode: number;
  message: string;
  apiCode?: number;
  requestId?: string;
}

export interface UploadFileResponseData {
  code: number;
  message: string;
  data: { key: string; url: string };
}

export interface UpdateAvatarOptions {
  /** Largest accepted image in bytes (default 2 MB). */
  maxSize?: number;
  /** Skip the picker and upload this local file (used by `<authing-avatar-uploader>`). */
  filePath?: string;
  /** Called with upload progress 0..100. */
  onProgress?: (percent: number) => void;
}

export interface UpdateAvatarResult extends UploadFileResponseData {
  /** The profile after `photo` was updated. */
  userInfo: UserInfo;
}

/** `bindPhone`: the code comes from `sendSms({channel: 'CHANNEL_BIND_PHONE'})`. */
export interface BindPhoneOptions {
  phoneNumber: string;
  passCode: string;
  /** Sent only when given; the server assumes `+86`. */
  phoneCountryCode?: string;
}

/** `bindEmail`: the code comes from `sendEmailCode({channel: 'CHANNEL_BIND_EMAIL'})`. */
export interface BindEmailOptions {
  email: string;
  passCode: string;
}

/** `UpdatePhoneByPhonePassCodeDto`. The old phone's fields go together (both or neither). */
export interface PhonePassCodePayload {
  newPhoneNumber: string;
  newPhonePassCode: string;
  newPhoneCountryCode?: string;
  oldPhoneNumber?: string;
  oldPhonePassCode?: string;
  oldPhoneCountryCode?: string;
}

export interface UpdatePhoneRequestOptions {
  phonePassCodePayload: PhonePassCodePayload;
  /** Always `PHONE_PASSCODE` on the wire (the only method); anything else is refused. */
  verifyMethod?: 'PHONE_PASSCODE';
}

export interface UpdatePhoneRequestResult {
  /** Single use; pass it to `updatePhone` before it expires. */
  updatePhoneToken: string;
  /** Seconds. */
  tokenExpiresIn: number;
}

export interface UpdatePhoneOptions {
  updatePhoneToken: string;
}

/** `UpdateEmailByEmailPassCodeDto`. The old email's fields go together (both or neither). */
export interface EmailPassCodePayload {
  newEmail: string;
  newEmailPassCode: string;
  oldEmail?: string;
  oldEmailPassCode?: string;
}

export interface UpdateEmailRequestOptions {
  emailPassCodePayload: EmailPassCodePayload;
  /** Always `EMAIL_PASSCODE` on the wire (the only method); anything else is refused. */
  verifyMethod?: 'EMAIL_PASSCODE';
}

export interface UpdateEmailRequestResult {
  updateEmailToken: string;
  tokenExpiresIn: number;
}

export interface UpdateEmailOptions {
  updateEmailToken: string;
}

export type DeleteAccountVerifyMethod = 'PHONE_PASSCODE' | 'EMAIL_PASSCODE' | 'PASSWORD';

/** `DeleteAccountByPhonePassCodeDto`: the account's own phone, code from `CHANNEL_DELETE_ACCOUNT`. */
export interface DeleteAccountPhonePayload {
  phoneNumber: string;
  passCode: string;
  phoneCountryCode?: string;
}

/** `DeleteAccountByEmailPassCodeDto`: the account's own email, code from `CHANNEL_DELETE_ACCOUNT`. */
export interface DeleteAccountEmailPayload {
  email: string;
  passCode: string;
}

/** `DeleteAccountByPasswordDto`. With `rsa`/`sm2` the kit encrypts the password (the seed did not). */
export interface DeleteAccountPasswordPayload {
  password: string;
  passwordEncryptType?: EncryptType;
}

export interface DeleteAccountRequestOptions {
  verifyMethod: DeleteAccountVerifyMethod;
  /** Required with `PHONE_PASSCODE`; only the payload of `verifyMethod` is sent. */
  phonePassCodePayload?: DeleteAccountPhonePayload;
  /** Required with `EMAIL_PASSCODE`. */
  emailPassCodePayload?: DeleteAccountEmailPayload;
  /** Required with `PASSWORD`. */
  passwordPayload?: DeleteAccountPasswordPayload;
}

export interface DeleteAccountRequestResult {
  deleteAccountToken: string;
  tokenExpiresIn: number;
}

export interface DeleteAccountOptions {
  deleteAccountToken: string;
}

export interface DecryptDataOptions {
  extIdpConnidentifier: string;
  encryptedData: string;
  iv: string;
  /**
   * The `wx.login` code that was current when WeChat produced `encryptedData` (its session_key
   * encrypted the data). Omitted: the kit takes a fresh code, but that `wx.login` rotates the
   * session_key, so data produced before the call will usually no longer decrypt.
   */
  code?: string;
}

/** The decrypted WeChat open data (e.g. share info `openGId`, user info), with its `watermark`. */
export interface DecryptDataResult {
  watermark?: { appid: string; timestamp: number };
  [field: string]: unknown;
}

/** Optional fields sent with the fresh `wx.login` code; `encryptedData`/`iv` go together. */
export interface BindWxByCodeOptions {
  extIdpConnidentifier?: string;
  encryptedData?: string;
  iv?: string;
  rawData?: string;
}

/** The server's `data` (the devserver: the user's profile with `identities`). */
export type BindWxByCodeResult = Record<string, unknown>;

export interface PublicKeyResult {
  publicKey: string;
}

/** The public surface of `Authing`; components depend on this interface, not the class. */
export interface AuthingClient {
  /** The resolved options. */
  readonly options: Readonly<Required<Pick<AuthingOptions, 'appId' | 'userPoolId' | 'host' | 'timeout' | 'lang' | 'platform'>>>;
  getLoginState(): SDKResponse<LoginState>;
  saveLoginState(state: Omit<LoginState, 'expires_at'> & { expires_at?: number }): SDKResponse<LoginState>;
  clearLoginState(): SDKResponse<boolean>;
  getPublicKey(type: 'rsa' | 'sm2'): SDKResponse<string>;
  loginByCode(data: LoginByCodeOptions): SDKResponse<LoginState>;
  loginByPhone(data: LoginByPhoneOptions): SDKResponse<LoginState>;
  loginByPassword(data: LoginByPasswordOptions): SDKResponse<LoginState>;
  sendSms(data: SendSmsOptions): SDKResponse<SimpleResponseData>;
  /** A fresh platform login code (`wx.login`), e.g. for your own backend; `[error]` when the platform fails. */
  getLoginCode(): SDKResponse<string>;
  loginByPassCode(data: LoginByPassCodeOptions): SDKResponse<LoginState>;
  refreshToken(): SDKResponse<LoginState>;
  getPhone(data: GetPhoneOptions): SDKResponse<PhoneInfo>;
  getUserInfo(query?: GetUserInfoOptions): SDKResponse<UserInfo>;
  updateUserInfo(data: UpdateUserInfo): SDKResponse<UserInfo>;
  logout(): SDKResponse<boolean>;
  /** Prepares an encrypted password call before the tap (public key, entropy, SM2 ephemeral); `none` resolves at once. */
  prepareEncryption(type: EncryptType): SDKResponse<true>;
  /** Keeps a `wx.login` code ready and fresh for the next code / phone login (WeChat tab or phone button shown). */
  prepareWechatCode(): SDKResponse<true>;
  /** Stops keeping a code fresh. */
  stopWechatCode(): void;
}

/**
 * Methods attached by `require('authing-miniapp-kit/account')` (module augmentation adds them to
 * `Authing` and `AuthingClient` once that module is imported).
 */
export interface AccountMethods {
  /** The email counterpart of `sendSms`, for `loginByPassCode({passCodePayload: {email, passCode}})`. */
  sendEmailCode(data: SendEmailCodeOptions): SDKResponse<SimpleResponseData>;
  updatePassword(data: UpdatePasswordOptions): SDKResponse<SimpleResponseData>;
  updateAvatar(options?: UpdateAvatarOptions): SDKResponse<UpdateAvatarResult>;
  /** Binds a phone to an account that has none (`CHANNEL_BIND_PHONE` code). */
  bindPhone(data: BindPhoneOptions): SDKResponse<SimpleResponseData>;
  /** Binds an email to an account that has none (`CHANNEL_BIND_EMAIL` code). */
  bindEmail(data: BindEmailOptions): SDKResponse<SimpleResponseData>;
  /** Step 1 of a phone change: verify the codes, get a short-lived single-use token. */
  updatePhoneRequest(data: UpdatePhoneRequestOptions): SDKResponse<UpdatePhoneRequestResult>;
  /** Step 2 of a phone change. */
  updatePhone(data: UpdatePhoneOptions): SDKResponse<SimpleResponseData>;
  updateEmailRequest(data: UpdateEmailRequestOptions): SDKResponse<UpdateEmailRequestResult>;
  updateEmail(data: UpdateEmailOptions): SDKResponse<SimpleResponseData>;
  /** Step 1 of an account deletion: prove it is the owner, get a short-lived single-use token. */
  deleteAccountRequest(data: DeleteAccountRequestOptions): SDKResponse<DeleteAccountRequestResult>;
  /** Deletes the account; on success the stored login state is cleared too. */
  deleteAccount(data: DeleteAccountOptions): SDKResponse<SimpleResponseData>;
  /** Decrypts WeChat open data with the session_key of `code` (see `DecryptDataOptions.code`). */
  decryptData(data: DecryptDataOptions): SDKResponse<DecryptDataResult>;
  /** Binds the current WeChat user (a fresh `wx.login` code) to the logged-in account. */
  bindWxByCode(data?: BindWxByCodeOptions): SDKResponse<BindWxByCodeResult>;
  /** Same as `bindWxByCode` (WeChat only; the Douyin variant is not carried over). */
  bindPlatformByCode(data?: BindWxByCodeOptions): SDKResponse<BindWxByCodeResult>;
}

