// What opt-in modules add to the core at require time: password encryptors
// (`authing-miniapp-kit/crypto/rsa|sm2`) and message tables (`authing-miniapp-kit/i18n/en-US`).
// Message tables live in the registry every copy of the kit in the JS context shares
// (shared-client.ts): uni-app bundles the app's copy apart from the components' copy, and `import
// 'authing-miniapp-kit/i18n/en-US'` in App.vue must reach the components' texts too. Encryptors stay
// with their copy: only the client's own copy (context.ts) looks them up, so the app's import serves
// the app's client, and a fresh copy without the import really has none.
import type { EncryptFunction, Lang } from './types';
import { sharedRegistry } from './shared-client';

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

export type MessageTables = Partial<Record<Lang, Record<string, string>>>;

const encryptors: Partial<Record<KeyType, Encryptor>> = {};

export function registerEncryptor(type: KeyType, encryptor: Encryptor): void {
  encryptors[type] = encryptor;
}

export function getEncryptor(type: KeyType): Encryptor | undefined {
  return encryptors[type];
}

function messageTables(): MessageTables {
  const shared = sharedRegistry();
  if (!shared.messages) shared.messages = {};
  return shared.messages;
}

/** Adds (or extends) a language's message table; later keys win. */
export function registerMessages(lang: Lang, table: Record<string, string>): void {
  const messages = messageTables();
  messages[lang] = { ...(messages[lang] || {}), ...table };
}

export function getMessages(lang: Lang): Record<string, string> | undefined {
  return messageTables()[lang];
}
