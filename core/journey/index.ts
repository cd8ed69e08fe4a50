// The account journey: sign-up, forgot password, captcha, MFA at login. Importing this module
// attaches the methods to `Authing` (see attach.ts) and exposes the pure helpers and types.
import './attach';

export type { JourneyMethods } from './attach';
export * from './types';
export { readMfaChallenge } from './mfa';
export { mfaLoginState } from './mfa-login-state';
export { captchaImageSrc } from './captcha';
