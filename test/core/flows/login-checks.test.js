// What <authing-login> checks and hands on before a request (core/flows/login-checks.ts): typed values
// are trimmed before they are checked or shown to the before-login hook; a send uses only its target.
const { internal } = require('../../helpers/kit');

const { actionFields, validateAction, beforeLoginContext } = internal('core/flows/login-checks');
const values = (over) => ({ account: '', password: '', captcha: '', phone: '', code: '', email: '', emailCode: '', ...over });
const inputs = (over, extra) => ({ values: values(over), countryCode: '+86', ...extra });

test('a code send reads only its target field; the login reads target and code', () => {
  expect(actionFields('send-code')).toEqual(['phone']);
  expect(actionFields('send-email-code')).toEqual(['email']);
  expect(actionFields('sms')).toEqual(['phone', 'code']);
  expect(actionFields('email')).toEqual(['email', 'emailCode']);
});

test('values with surrounding spaces pass the checks (they are trimmed first)', () => {
  expect(validateAction('sms', inputs({ phone: ' 13800000000 ', code: ' 1234 ' }), 4)).toBeNull();
  expect(validateAction('send-code', inputs({ phone: ' 13800000000 ' }), 4)).toBeNull();
  expect(validateAction('email', inputs({ email: ' a@example.com ', emailCode: ' 1234 ' }), 4)).toBeNull();
});

test('a shown captcha of spaces only is required', () => {
  const problems = validateAction('password', inputs({ account: 'demo', password: 'x', captcha: '   ' }, { captchaShown: true }), 4);
  expect(problems).toEqual({ captcha: { key: 'required', params: { field: 'captcha' } } });
});

test('the before-login hook sees the trimmed account, phone (with its country code) or email', () => {
  const typed = inputs({ account: ' demo ', phone: ' 13800000000 ', email: ' a@example.com ' });
  expect(beforeLoginContext('password', typed)).toEqual({ method: 'password', account: 'demo' });
  expect(beforeLoginContext('sms', typed)).toEqual({ method: 'sms', phone: '13800000000', countryCode: '+86' });
  expect(beforeLoginContext('email', typed)).toEqual({ method: 'email', email: 'a@example.com' });
});
