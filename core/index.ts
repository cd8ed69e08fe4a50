// Core entry: `require('authing-miniapp-kit')`. Opt-in modules add to it when required:
//   import 'authing-miniapp-kit/crypto/rsa'   // or /crypto/sm2: password encryption (also exports the encryptor)
//   import 'authing-miniapp-kit/account'      // account, email-code and avatar methods on Authing
//   import 'authing-miniapp-kit/i18n/en-US'   // English messages (zh-CN is built in)
// Those modules take the core's shared state (registries, entropy pool, client contexts) from here.
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
export { userInfoFromClaims, jwtClaims } from './claims';
export { isLoggedOut } from './errors';
export { registerEncryptor, getEncryptor, registerMessages } from './registry';
export type { Encryptor, KeyType } from './registry';
export { addEntropy, availableEntropy, takeRandomBytes } from './crypto/entropy';
/** @internal For the kit's own opt-in modules (`authing-miniapp-kit/account`). */
export { contextOf } from './context';
