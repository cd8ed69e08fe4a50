// `require('authing-miniapp-kit/journey')`: sign-up, forgot password, captcha and MFA at login,
// attached to the one `Authing` class when this module is required (see journey/attach.ts).
export * from './journey/index';
