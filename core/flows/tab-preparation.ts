// Work a login tab can do before the tap, started when the tab shows: the password tab prepares the
// encryption (public key, entropy, SM2 ephemeral) once per encryption type; the WeChat tab keeps a
// wx.login code fresh, and stops when it goes away (only the keeping it started itself).
import type { AuthingClient, EncryptType } from '../types';
import type { LoginMethod } from './login-types';

export class TabPreparation {
  /** The encryption type prepared (or being prepared); null: not yet, or it failed. */
  private prepared: EncryptType | null = null;
  private keepingCode = false;

  /** `getClient` may throw on a malformed config: preparation is then simply skipped. */
  constructor(private readonly getClient: () => AuthingClient | undefined) {}

  /** The tab `method` is shown (or its field got input). Cheap when already prepared. */
  show(method: LoginMethod, encrypt: EncryptType): void {
    const needsKey = method === 'password' && encrypt !== 'none' && this.prepared !== encrypt;
    const wantsCode = method === 'wechat';
    if (!needsKey && wantsCode === this.keepingCode) return;
    const client = this.client();
    // A client of another make (e.g. the seed SDK's, set as the default) has nothing to prepare.
    if (!client || typeof client.prepareEncryption !== 'function') return;
    if (needsKey) {
      this.prepared = encrypt;
      void client.prepareEncryption(encrypt).then(([err]) => {
        if (err && this.prepared === encrypt) this.prepared = null; // again on the next input
      });
    }
    if (wantsCode && !this.keepingCode) void client.prepareWechatCode();
    else if (!wantsCode && this.keepingCode) client.stopWechatCode();
    this.keepingCode = wantsCode;
  }

  /** Nothing is shown any more. */
  hide(): void {
    if (!this.keepingCode) return;
    this.keepingCode = false;
    const client = this.client();
    if (client) client.stopWechatCode();
  }

  private client(): AuthingClient | undefined {
    try {
      return this.getClient();
    } catch (e) {
      return undefined;
    }
  }
}
