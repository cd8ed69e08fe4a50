// Which field a server failure lands on and how it is worded: the edges of core/flows/field-errors.ts
// (the order of an apiCode's fields, the tries-left count at 0 and when it is not a usable number).
const { internal } = require('../../helpers/kit');

const { fieldOfError, fieldErrorText } = internal('core/flows/field-errors');
const e = (apiCode, data) => ({ message: 'm', code: 'server', apiCode, data });

test('a wrong code (2001) lands on the first of code, emailCode, captcha that the action used', () => {
  expect(fieldOfError(e(2001), ['captcha'])).toBe('captcha');
  expect(fieldOfError(e(2001), ['account', 'password', 'captcha'])).toBe('captcha');
  expect(fieldOfError(e(2001), ['captcha', 'emailCode', 'code'])).toBe('code');
  expect(fieldOfError(e(2001), ['captcha', 'emailCode'])).toBe('emailCode');
});

test('tries left are worded for both wrong-password codes, from 0 up; a negative or non-number count is not', () => {
  expect(fieldErrorText(e(2333, { remainCount: 0 }))).toEqual({ key: 'wrongPasswordRemain', params: { remainCount: 0 } });
  expect(fieldErrorText(e(2006, { remainCount: 1 }))).toEqual({ key: 'wrongPasswordRemain', params: { remainCount: 1 } });
  expect(fieldErrorText(e(2333, { remainCount: -1 }))).toEqual({ key: 'wrongPassword' });
  expect(fieldErrorText(e(2333, { remainCount: '2' }))).toEqual({ key: 'wrongPassword' });
  expect(fieldErrorText(e(2333, {}))).toEqual({ key: 'wrongPassword' });
});

test('a remainCount on a failure that is not a wrong password does not turn it into one', () => {
  expect(fieldErrorText(e(2001, { remainCount: 1 }))).toEqual({ key: 'wrongCode' });
  expect(fieldErrorText(e(2004, { remainCount: 1 }))).toEqual({ key: 'unknownAccount' });
});
