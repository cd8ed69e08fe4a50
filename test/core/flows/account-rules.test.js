// The rules behind <authing-account>'s page and dialogs, without any request: what a profile shows
// (core/flows/account-summary), which inputs a dialog has and their problems (account-checks), and
// where codes go / which input a server failure sits on (account-actions). Pure functions.
const { internal } = require('../../helpers/kit');

const { accountSummary, maskPhone, maskEmail } = internal('core/flows/account-summary');
const { deleteMethods, dialogFields, checkField, checkFields } = internal('core/flows/account-checks');
const { dialogAction, codeTarget, failedField } = internal('core/flows/account-actions');

const summary = (over) => ({ ...accountSummary({ username: 'u', passwordLastSetAt: '2024-01-01T00:00:00Z' }), ...over });
const withPhone = summary({ phone: '13800000000', phoneCountryCode: '+86' });
const withEmail = summary({ email: 'Me@Example.com' });
const bare = summary({ passwordSet: false });

describe('what the page shows of a profile', () => {
  test('phones: 3 + 4 digits kept from 11 or more, 2 + 2 from shorter ones, one digit from the shortest', () => {
    expect(maskPhone(' 13800001234 ')).toBe('138****1234');
    expect(maskPhone('123456789012')).toBe('123*****9012');
    expect(maskPhone('1234567890')).toBe('12******90');
    expect(maskPhone('12345')).toBe('12*45');
    expect(maskPhone('1234')).toBe('1***');
    expect(maskPhone('123')).toBe('1**');
    expect(maskPhone('1')).toBe('1');
    expect(maskPhone('   ')).toBe('');
  });

  test('emails: the first character and the whole domain (after the last @); no domain → first character only', () => {
    expect(maskEmail(' bob@example.com ')).toBe('b***@example.com');
    expect(maskEmail('a@b@example.com')).toBe('a***@example.com');
    expect(maskEmail('@example.com')).toBe('@***');
    expect(maskEmail('nodomain')).toBe('n***');
    expect(maskEmail('  ')).toBe('');
  });

  test('a profile: trimmed strings, +86 when no country code, password set only with a time (unknown without the field)', () => {
    expect(accountSummary({ username: ' bob ', phone: ' 13800001234 ', phoneCountryCode: ' +852 ', email: ' bob@example.com ', passwordLastSetAt: '2024-01-01' })).toEqual({
      username: 'bob', phone: '13800001234', phoneCountryCode: '+852', email: 'bob@example.com',
      phoneMasked: '138****1234', emailMasked: 'b***@example.com', passwordSet: true,
    });
    expect(accountSummary({ username: 42, phone: null, email: undefined })).toEqual({
      username: '', phone: '', phoneCountryCode: '+86', email: '', phoneMasked: '', emailMasked: '', passwordSet: null,
    });
    expect(accountSummary({ passwordLastSetAt: null }).passwordSet).toBe(false);
    expect(accountSummary({ passwordLastSetAt: '' }).passwordSet).toBe(false);
  });
});

describe('which inputs a dialog has', () => {
  test('deletion methods: password first (also when the profile does not say), then phone, then email', () => {
    expect(deleteMethods(summary({ passwordSet: null, phone: '13800000000', email: 'a@example.com' }))).toEqual(['password', 'phone', 'email']);
    expect(deleteMethods(summary({ passwordSet: false, email: 'a@example.com' }))).toEqual(['email']);
    expect(deleteMethods(bare)).toEqual([]);
  });

  test('fields per dialog: the current password only when one is set, the current contact\'s code only when there is one', () => {
    expect(dialogFields('password', summary({ passwordSet: null }), 'password')).toEqual(['password', 'newPassword', 'confirmPassword']);
    expect(dialogFields('password', bare, 'password')).toEqual(['newPassword', 'confirmPassword']);
    expect(dialogFields('phone', withPhone, 'password')).toEqual(['oldCode', 'phone', 'code']);
    expect(dialogFields('phone', bare, 'password')).toEqual(['phone', 'code']);
    expect(dialogFields('email', withEmail, 'password')).toEqual(['oldCode', 'email', 'code']);
    expect(dialogFields('email', bare, 'password')).toEqual(['email', 'code']);
    expect(dialogFields('delete', withPhone, 'password')).toEqual(['password']);
    expect(dialogFields('delete', withPhone, 'phone')).toEqual(['code']);
    expect(dialogFields('delete', withEmail, 'email')).toEqual(['code']);
  });
});

describe('the problems of the inputs', () => {
  test('the current password is taken as typed (any non-empty value, no policy)', () => {
    expect(checkField('password', { password: ' ' }, withPhone)).toBeNull();
    expect(checkField('password', {}, withPhone)).toEqual({ key: 'required', params: { field: 'password' } });
  });

  test('the new password follows the policy; its confirmation must equal it exactly', () => {
    expect(checkField('newPassword', { newPassword: 'Next@123456' }, withPhone)).toBeNull();
    expect(checkField('newPassword', {}, withPhone)).toEqual({ key: 'required', params: { field: 'newPassword' } });
    expect(checkField('confirmPassword', { newPassword: 'Next@123456', confirmPassword: 'Next@123456' }, withPhone)).toBeNull();
    expect(checkField('confirmPassword', { newPassword: 'Next@123456', confirmPassword: 'Next@123456 ' }, withPhone)).toEqual({ key: 'passwordMismatch' });
    expect(checkField('confirmPassword', { confirmPassword: 'Next@123456' }, withPhone)).toEqual({ key: 'passwordMismatch' });
    expect(checkField('confirmPassword', { newPassword: 'Next@123456' }, withPhone)).toEqual({ key: 'required', params: { field: 'confirmPassword' } });
  });

  test('a new phone: a mainland number different from the current one (spaces ignored)', () => {
    expect(checkField('phone', { phone: ' 13900000000 ' }, withPhone)).toBeNull();
    expect(checkField('phone', { phone: ' 13800000000 ' }, withPhone)).toEqual({ key: 'samePhone' });
    expect(checkField('phone', { phone: '+8613900000000' }, withPhone)).toEqual({ key: 'invalidPhone' });
    expect(checkField('phone', {}, withPhone)).toEqual({ key: 'required', params: { field: 'phone' } });
  });

  test('a new email: valid and different from the current one, case and spaces ignored', () => {
    expect(checkField('email', { email: 'other@example.com' }, withEmail)).toBeNull();
    expect(checkField('email', { email: ' me@EXAMPLE.com ' }, withEmail)).toEqual({ key: 'sameEmail' });
    expect(checkField('email', { email: 'me@example' }, withEmail)).toEqual({ key: 'invalidEmail' });
    expect(checkField('email', { email: 'first@example.com' }, bare)).toBeNull();
  });

  test('codes: six digits (spaces ignored), required on their own input', () => {
    expect(checkField('code', { code: ' 123456 ' }, withPhone)).toBeNull();
    expect(checkField('oldCode', { oldCode: '12345' }, withPhone)).toEqual({ key: 'invalidSmsCode', params: { length: 6 } });
    expect(checkField('oldCode', {}, withPhone)).toEqual({ key: 'required', params: { field: 'oldCode' } });
    expect(checkField('code', { code: '  ' }, withPhone)).toEqual({ key: 'required', params: { field: 'code' } });
  });

  test('every input of a dialog at once; nothing when all are right', () => {
    const fields = ['oldCode', 'phone', 'code'];
    expect(checkFields(fields, { oldCode: '123456', phone: '13800000000', code: 'abc' }, withPhone)).toEqual({ phone: { key: 'samePhone' }, code: { key: 'invalidSmsCode', params: { length: 6 } } });
    expect(checkFields(fields, { oldCode: '123456', phone: '13900000000', code: '654321' }, withPhone)).toEqual({});
  });
});

describe('where codes go and which input a failure sits on', () => {
  test('the event action: a change when the account has the contact, else a bind', () => {
    expect(dialogAction('password', bare)).toBe('update-password');
    expect(dialogAction('phone', withPhone)).toBe('update-phone');
    expect(dialogAction('phone', bare)).toBe('bind-phone');
    expect(dialogAction('email', withEmail)).toBe('update-email');
    expect(dialogAction('email', bare)).toBe('bind-email');
    expect(dialogAction('delete', bare)).toBe('delete-account');
  });

  test('code targets: the current contact (its own country code) or the new one (trimmed, +86), each on its channel', () => {
    const both = summary({ phone: '85212345678', phoneCountryCode: '+852', email: 'me@example.com' });
    const typed = { phone: ' 13900000000 ', email: ' new@example.com ' };
    expect(codeTarget('phone', 'oldCode', both, typed, 'password')).toEqual({ kind: 'sms', phone: '85212345678', countryCode: '+852', channel: 'CHANNEL_UNBIND_PHONE' });
    expect(codeTarget('phone', 'code', both, typed, 'password')).toEqual({ kind: 'sms', phone: '13900000000', countryCode: '+86', channel: 'CHANNEL_BIND_PHONE' });
    expect(codeTarget('phone', 'code', both, {}, 'password')).toEqual({ kind: 'sms', phone: '', countryCode: '+86', channel: 'CHANNEL_BIND_PHONE' });
    expect(codeTarget('email', 'oldCode', both, typed, 'password')).toEqual({ kind: 'email', email: 'me@example.com', channel: 'CHANNEL_UPDATE_EMAIL' });
    expect(codeTarget('email', 'code', both, typed, 'password')).toEqual({ kind: 'email', email: 'new@example.com', channel: 'CHANNEL_UPDATE_EMAIL' });
    expect(codeTarget('email', 'code', bare, typed, 'password')).toEqual({ kind: 'email', email: 'new@example.com', channel: 'CHANNEL_BIND_EMAIL' });
    expect(codeTarget('delete', 'code', both, typed, 'phone')).toEqual({ kind: 'sms', phone: '85212345678', countryCode: '+852', channel: 'CHANNEL_DELETE_ACCOUNT' });
    expect(codeTarget('delete', 'code', both, typed, 'email')).toEqual({ kind: 'email', email: 'me@example.com', channel: 'CHANNEL_DELETE_ACCOUNT' });
    expect(codeTarget('delete', 'code', both, typed, 'password')).toBeNull();
    expect(codeTarget('password', 'code', both, typed, 'password')).toBeNull();
  });

  test('failures: a taken phone / email on that input, a wrong current code on oldCode, other wrong codes on code', () => {
    const taken = { apiCode: 2026, message: 'taken' };
    expect(failedField(taken, ['oldCode', 'phone', 'code'])).toBe('phone');
    expect(failedField(taken, ['email', 'code'])).toBe('email');
    expect(failedField(taken, ['password'])).toBeNull();
    const wrongOld = (message) => ({ apiCode: 2001, message });
    expect(failedField(wrongOld('bad oldPhonePassCode'), ['oldCode', 'phone', 'code'])).toBe('oldCode');
    expect(failedField(wrongOld('bad oldEmailPassCode'), ['oldCode', 'email', 'code'])).toBe('oldCode');
    expect(failedField(wrongOld('bad oldEmailPassCode'), ['email', 'code'])).toBe('code');
    expect(failedField(wrongOld('bad newPhonePassCode'), ['oldCode', 'phone', 'code'])).toBe('code');
    expect(failedField({ apiCode: 2001 }, ['oldCode', 'phone', 'code'])).toBe('code');
    expect(failedField({ apiCode: 2006, message: 'oldPhonePassCode' }, ['password', 'newPassword'])).toBe('password');
    expect(failedField({ code: 'network', message: 'down' }, ['password'])).toBeNull();
  });
});
