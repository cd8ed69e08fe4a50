// Unit tests of core/flows/phone-button (built output): how getPhoneNumber results are read.
const {
  classifyPhoneResult, phoneFailureKey, phoneFailureError, ERRNO_NO_QUOTA, ERRNO_NO_PERMISSION,
} = require('../../helpers/kit').internal('core/flows/phone-button');
const { normalizeMode } = require('../../helpers/kit').internal('core/flows/phone-button-flow');
const { PHONE_BUTTON_TEXTS } = require('../../helpers/kit').internal('components/phone-button/texts');

describe('classifyPhoneResult', () => {
  test('a code with getPhoneNumber:ok is ok', () => {
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:ok', code: 'abc' })).toEqual({ kind: 'ok', code: 'abc' });
    expect(classifyPhoneResult({ errMsg: 'getRealtimePhoneNumber:ok', code: ' x1 ' })).toEqual({ kind: 'ok', code: 'x1' });
  });

  test.each([
    'getPhoneNumber:fail user deny',
    'getPhoneNumber:fail:user deny',
    'getPhoneNumber:fail cancel',
    'getRealtimePhoneNumber:fail user cancel',
  ])('%s is a decline', (errMsg) => {
    expect(classifyPhoneResult({ errMsg })).toEqual({ kind: 'deny' });
  });

  test('no quota by errno or by message', () => {
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail', errno: ERRNO_NO_QUOTA }))
      .toEqual({ kind: 'no_quota', errMsg: 'getPhoneNumber:fail', errno: 1400001 });
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail no quota' }).kind).toBe('no_quota');
    // errno wins over a message that also mentions cancel
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail cancel', errno: 1400001 }).kind).toBe('no_quota');
  });

  test('no permission by errno 102, "no permission" or "user not permitted"', () => {
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail', errno: ERRNO_NO_PERMISSION }).kind).toBe('no_permission');
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail no permission' }).kind).toBe('no_permission');
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail user not permitted' }).kind).toBe('no_permission');
  });

  test('a declined privacy authorization (errno 104, either API) is its own kind, not a platform failure', () => {
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 })).toEqual({ kind: 'privacy' });
    expect(classifyPhoneResult({ errMsg: 'getRealtimePhoneNumber:fail privacy permission is not authorized' }).kind).toBe('privacy');
  });

  test('anything else is a platform failure, including ok without a code', () => {
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:ok' })).toEqual({ kind: 'fail', errMsg: 'getPhoneNumber:ok', errno: undefined });
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail system error', errno: 5 }))
      .toEqual({ kind: 'fail', errMsg: 'getPhoneNumber:fail system error', errno: 5 });
    expect(classifyPhoneResult(undefined).kind).toBe('fail');
    expect(classifyPhoneResult('nonsense').kind).toBe('fail');
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail', code: 'abc' }).kind).toBe('fail');
  });
});

describe('texts and errors', () => {
  test('each failure has a specific readable message in both languages', () => {
    for (const lang of ['zh-CN', 'en-US']) {
      const t = PHONE_BUTTON_TEXTS[lang];
      const messages = ['no_quota', 'no_permission', 'fail'].map((kind) => t[phoneFailureKey({ kind, errMsg: '' })]);
      expect(new Set(messages).size).toBe(3);
      for (const m of messages) expect(m.length).toBeGreaterThan(5);
    }
    expect(PHONE_BUTTON_TEXTS['zh-CN'].noQuota).toMatch(/次数已用完/);
    expect(PHONE_BUTTON_TEXTS['en-US'].noPermission).toMatch(/not allowed/);
    // both tables have the same keys
    expect(Object.keys(PHONE_BUTTON_TEXTS['en-US']).sort()).toEqual(Object.keys(PHONE_BUTTON_TEXTS['zh-CN']).sort());
  });

  test('platform failures are ErrorData with code platform', () => {
    expect(phoneFailureError('x')).toEqual({ message: 'x', code: 'platform' });
  });

  test('mode defaults to get-phone', () => {
    expect(normalizeMode('login')).toBe('login');
    expect(normalizeMode('get-phone')).toBe('get-phone');
    expect(normalizeMode('bogus')).toBe('get-phone');
    expect(normalizeMode(undefined)).toBe('get-phone');
  });
});
