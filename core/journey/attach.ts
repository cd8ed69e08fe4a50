// Puts the journey methods on the one `Authing` class (and its `AuthingClient` interface). Each
// method is a function over a narrow JourneyContext, which the client's own context satisfies.
// Shared state (the class, the client contexts) comes from the core entry, never a copy of it.
import { Authing, contextOf } from '../index';
import type { LoginState, SDKResponse, SimpleResponseData, UserInfo } from '../types';
import { guard, Result } from '../errors';
import type { JourneyContext } from './context';
import type {
  CaptchaCode, ResetPasswordOptions, ResetPasswordResult, SendMfaEmailOptions, SendMfaSmsOptions, SignUpOptions, VerifyMfaEmailOptions,
  VerifyMfaRecoveryCodeOptions, VerifyMfaSmsOptions, VerifyMfaTotpOptions, VerifyResetPasswordRequestOptions, VerifyResetPasswordRequestResult,
} from './types';
import { signUp } from './sign-up';
import { resetPassword, verifyResetPasswordRequest } from './reset-password';
import { getCaptchaCode } from './captcha';
import { sendMfaEmail, sendMfaSms, verifyMfaEmail, verifyMfaRecoveryCode, verifyMfaSms, verifyMfaTotp } from './mfa';

/** The journey methods every client has. Each resolves to `[error, data]` and never rejects. */
export interface JourneyMethods {
  /** `POST /api/v3/signup`: the new user, no tokens (sign in afterwards). */
  signUp(data: SignUpOptions): SDKResponse<UserInfo>;
  /** Forgot password, step 1: a `CHANNEL_RESET_PASSWORD` code → a single-use `passwordResetToken`. */
  verifyResetPasswordRequest(data: VerifyResetPasswordRequestOptions): SDKResponse<VerifyResetPasswordRequestResult>;
  /** Forgot password, step 2: the new password (encrypted like login) with the token. */
  resetPassword(data: ResetPasswordOptions): SDKResponse<ResetPasswordResult>;
  /** The V3 token captcha image for a sign-in that answered "captcha required". */
  getCaptchaCode(): SDKResponse<CaptchaCode>;
  /** The MFA SMS code (`CHANNEL_VERIFY_MFA`) to the challenge's phone. */
  sendMfaSms(data: SendMfaSmsOptions): SDKResponse<SimpleResponseData>;
  /** The MFA email code (V2 scene `MFA_VERIFY_CODE`) to the challenge's email. */
  sendMfaEmail(data: SendMfaEmailOptions): SDKResponse<SimpleResponseData>;
  /** Each verify stores the login state on success, like a login. */
  verifyMfaSms(data: VerifyMfaSmsOptions): SDKResponse<LoginState>;
  verifyMfaEmail(data: VerifyMfaEmailOptions): SDKResponse<LoginState>;
  verifyMfaTotp(data: VerifyMfaTotpOptions): SDKResponse<LoginState>;
  verifyMfaRecoveryCode(data: VerifyMfaRecoveryCodeOptions): SDKResponse<LoginState>;
}

declare module '../authing' {
  interface Authing extends JourneyMethods {}
}

declare module '../types' {
  interface AuthingClient extends JourneyMethods {}
}

type Method<K extends keyof JourneyMethods> = (ctx: JourneyContext, ...args: Parameters<JourneyMethods[K]>) => ReturnType<JourneyMethods[K]>;

function attach<K extends keyof JourneyMethods>(name: K, method: Method<K>): void {
  // The signature was checked against JourneyMethods above; at run time the arguments pass through.
  const run = method as unknown as (ctx: JourneyContext, ...args: unknown[]) => Promise<Result<unknown>>;
  Object.defineProperty(Authing.prototype, name, {
    configurable: true,
    writable: true,
    value(this: Authing, ...args: unknown[]) {
      // Any throw (storage, a bug) becomes `[error]`, like every other method.
      return guard(this.options.lang, () => run(contextOf(this), ...args));
    },
  });
}

attach('signUp', signUp);
attach('verifyResetPasswordRequest', verifyResetPasswordRequest);
attach('resetPassword', resetPassword);
attach('getCaptchaCode', getCaptchaCode);
attach('sendMfaSms', sendMfaSms);
attach('sendMfaEmail', sendMfaEmail);
attach('verifyMfaSms', verifyMfaSms);
attach('verifyMfaEmail', verifyMfaEmail);
attach('verifyMfaTotp', verifyMfaTotp);
attach('verifyMfaRecoveryCode', verifyMfaRecoveryCode);
