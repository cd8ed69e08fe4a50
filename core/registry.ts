// What opt-in modules add to the core at require time: password encryptors
// (`authing-miniapp-kit/crypto/rsa|sm2`) and message tables (`authing-miniapp-kit/i18n/en-US`).
// One small module so it can later be made reachable across two copies of the kit.
import type { EncryptFunction, Lang } from './types';

export type KeyType = 'rsa' | 'sm2';

/** A password encryptor as the core uses it; `encrypt` is also a valid seed `encryptFunction`. */
export interface Encryptor {
  encrypt: EncryptFunction;
  /**
   * Precomputes everything that does not depend on the password for this key (parsing, SM2's
   * ephemeral point). Synchronous; draws randomness from the entropy pool, so call it after the
   * pool is filled. Throws like `encrypt` on a bad key.
   */
  prepare?(publicKey: string): void;
}

const encryptors: Partial<Record<KeyType, Encryptor>> = {};
const messages: Partial<Record<Lang, Record<string, string>>> = {};

export function registerEncryptor(type: KeyType, encryptor: Encryptor): void {
  encryptors[type] = encryptor;
}

export function getEncryptor(type: KeyType): Encryptor | undefined {
  return encryptors[type];
}

/** Adds (or extends) a language's message table; later keys win. */
export function registerMessages(lang: Lang, table: Record<string, string>): void {
  messages[lang] = { ...(messages[lang] || {}), ...table };
}

export function getMessages(lang: Lang): Record<string, string> | undefined {
  return messages[lang];
}
