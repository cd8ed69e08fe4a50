// Core entry: `require('authing-miniapp-kit')` (via the package index) or
// `require('authing-miniapp-kit/core/index')`. Crypto lives in separate modules so apps that do not
// encrypt passwords do not ship jsencrypt / sm-crypto:
//   import { encryptRsa } from 'authing-miniapp-kit/core/crypto/rsa'
//   import { encryptSm2 } from 'authing-miniapp-kit/core/crypto/sm2'
export { Authing } from './authing';
export { setDefaultClient, getDefaultClient } from './shared-client';
export * from './types';
export * from './platform/types';
export { createWechatPlatform } from './platform/wechat';
export type { WxLike } from './platform/wechat';
export { createTaroPlatform } from './platform/taro';
export type { TaroLike } from './platform/taro';
export { createUniPlatform } from './platform/uni';
export type { UniLike } from './platform/uni';
export { translate, isLang, SUPPORTED_LANGS } from './i18n';
export type { MessageKey } from './i18n';
export * from './validate';
export { SDK_VERSION, KIT_VERSION } from './version';
export { stateKey } from './login-state';
// Sign-up, forgot password, captcha, MFA at login: attached to Authing on import.
export * from './journey';
