// `require('authing-miniapp-kit/account')`: the rarely used methods, attached to the one `Authing`
// class when this module is required (a login page that never calls them does not ship them):
// sendEmailCode, updatePassword, updateAvatar, bindPhone, bindEmail, updatePhoneRequest, updatePhone,
// updateEmailRequest, updateEmail, deleteAccountRequest, deleteAccount, decryptData, bindWxByCode,
// bindPlatformByCode. Importing it also adds them to the `Authing` / `AuthingClient` types.
import type { AccountMethods } from './types';
// Shared state (the class, the client contexts) comes from the core entry; the rest is this module's.
import { Authing, contextOf } from './index';
import { updateAvatar } from './account/avatar';
import { bindEmail, bindPhone, sendEmailCode, updateEmail, updateEmailRequest, updatePhone, updatePhoneRequest } from './account/contact';
import { deleteAccount, deleteAccountRequest, updatePassword } from './account/password';
import { bindWxByCode, decryptData } from './account/wechat-data';

declare module './types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface AuthingClient extends AccountMethods {}
}

declare module './authing' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface Authing extends AccountMethods {}
}

type Feature<K extends keyof AccountMethods> = (ctx: ReturnType<typeof contextOf>, arg: Parameters<AccountMethods[K]>[0]) => ReturnType<AccountMethods[K]>;

const FEATURES: { [K in keyof AccountMethods]: Feature<K> } = {
  sendEmailCode, updatePassword, updateAvatar, bindPhone, bindEmail, updatePhoneRequest, updatePhone, updateEmailRequest, updateEmail,
  deleteAccountRequest, deleteAccount, decryptData, bindWxByCode,
  /** The seed's platform-neutral name; WeChat only here (the Douyin variant is not carried over). */
  bindPlatformByCode: bindWxByCode,
};

const proto = Authing.prototype as unknown as Record<string, unknown>;
for (const name of Object.keys(FEATURES) as Array<keyof AccountMethods>) {
  const feature = FEATURES[name] as (ctx: ReturnType<typeof contextOf>, arg: unknown) => unknown;
  proto[name] = function (this: Authing, arg: unknown) {
    return feature(contextOf(this), arg);
  };
}

export type { AccountMethods };
