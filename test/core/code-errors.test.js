// Which server errors the kit treats as "the login code was refused" (retry once with a fresh
// wx.login code), "encryptedData no longer decrypts" (retry once without it) and "the public key
// changed" (fetch it again): every message pattern and code the classifiers know, their case
// insensitivity, and errors that must not trigger a retry.
const { isCodeRejected, isDecryptFailure } = require('../helpers/kit').internal('core/wechat-login');
const { isKeyMismatch } = require('../helpers/kit').internal('core/public-key');

const server = (message, apiCode) => ({ code: 'server', message, apiCode });

describe('isCodeRejected', () => {
  test.each([
    'code2session failed',
    'invalid code',
    'INVALID CODE, hints: [ req_id: x ]',
    'the code been used',
    'code has expired',
    'code is invalid',
    'code was already used',
    `code ${'x'.repeat(14)} expired`,
    'errcode 40029',
    'errcode 40163',
    'errcode 40226',
    '登录凭证校验失败',
    'code无效',
    'code 已使用',
    'code  已过期',
    'code过期',
  ])('"%s" → a refused code', (message) => {
    expect(isCodeRejected(server(message))).toBe(true);
  });

  test('apiCode 3001 whatever the message', () => {
    expect(isCodeRejected(server('请求失败', 3001))).toBe(true);
  });

  test.each([
    'wrong password',
    `code ${'x'.repeat(21)} expired`,
    'codes are fine',
    'errcode 4002',
    '验证码无效',
  ])('"%s" → not a refused code', (message) => {
    expect(isCodeRejected(server(message, 2333))).toBe(false);
  });

  test('only server errors: a network error mentioning the code is not retried', () => {
    expect(isCodeRejected({ code: 'network', message: 'invalid code', apiCode: 3001 })).toBe(false);
  });
});

describe('isDecryptFailure', () => {
  test.each(['bad encryptedData', 'EncryptedData illegal', 'failed to DECRYPT', '解密失败', 'errcode 41003', 'errcode -41001', 'errcode -41002'])('"%s" → a decrypt failure', (message) => {
    expect(isDecryptFailure(server(message, 2333))).toBe(true);
  });

  test('apiCode 3002 whatever the message; other messages and non-server errors are not', () => {
    expect(isDecryptFailure(server('请求失败', 3002))).toBe(true);
    expect(isDecryptFailure(server('errcode 41004', 2333))).toBe(false);
    expect(isDecryptFailure(server('encrypted', 2333))).toBe(false);
    expect(isDecryptFailure({ code: 'network', message: 'decrypt', apiCode: 3002 })).toBe(false);
  });
});

describe('isKeyMismatch', () => {
  test('apiCode 2102, or a message about decrypting (either language, any case); only server errors', () => {
    expect(isKeyMismatch(server('密码错误', 2102))).toBe(true);
    expect(isKeyMismatch(server('Cannot DECRYPT the password', 2333))).toBe(true);
    expect(isKeyMismatch(server('密码解密失败', 2333))).toBe(true);
    expect(isKeyMismatch(server('wrong password', 2333))).toBe(false);
    expect(isKeyMismatch({ code: 'network', message: 'decrypt', apiCode: 2102 })).toBe(false);
  });
});
