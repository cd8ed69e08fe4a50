// The kit's password encryptors, loaded on first use: an app whose login form never encrypts
// does not execute jsencrypt / sm-crypto. Only <authing-login> requires this file, so the other
// components do not carry the crypto libraries in their package.
import type { EncryptFunction, EncryptType } from '../../core/index';

export function kitEncryptor(type: EncryptType): EncryptFunction | undefined {
  if (type === 'rsa') return (require('../../core/crypto/rsa') as typeof import('../../core/crypto/rsa')).encryptRsa;
  if (type === 'sm2') return (require('../../core/crypto/sm2') as typeof import('../../core/crypto/sm2')).encryptSm2;
  return undefined;
}
