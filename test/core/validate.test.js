// The input checks the package exports (core/validate): what the client refuses before any request and
// what the components show under a field. Each case sits on a boundary a user can type.
const {
  COUNTRY_CODES, PASSWORD_MIN, PASSWORD_MAX, TEXT_MAX,
  validateRequired, validateCountryCode, validatePhone, validateEmail, accountKind, validateAccount, validatePassword,
  validateSmsCode, validateText, validateUsername, validateGender, validateBirthdate,
} = require('../../miniprogram_dist/index');

const required = (field) => ({ key: 'required', params: { field } });

describe('phone numbers per country code', () => {
  // [code, accepted, refused...]: the refused ones are one digit short / long, a wrong first digit, a letter.
  const NUMBERS = [
    ['+86', ['13800000000', '19912345678'], ['1380000000', '138000000001', '12800000000', '23800000000', '1380000000x']],
    ['+852', ['41234567', '91234567'], ['4123456', '412345678', '31234567', '01234567']],
    ['+853', ['61234567'], ['6123456', '612345678', '51234567']],
    ['+886', ['912345678'], ['91234567', '9123456789', '812345678']],
    ['+1', ['2125550123', '9125550123'], ['212555012', '21255501234', '1125550123', '0125550123']],
    ['+44', ['7123456789'], ['712345678', '71234567890', '6123456789']],
    ['+65', ['81234567', '91234567'], ['8123456', '812345678', '71234567']],
    ['+81', ['7012345678', '8012345678', '9012345678'], ['701234567', '70123456789', '6012345678', '7112345678']],
  ];

  test('the listed codes are exactly the ones the checks know', () => {
    expect(COUNTRY_CODES.map((c) => c.code)).toEqual(NUMBERS.map(([code]) => code));
  });

  test.each(NUMBERS)('%s: national numbers of the right shape only', (code, good, bad) => {
    expect(validateCountryCode(code)).toBeNull();
    for (const phone of good) {
      expect([phone, validatePhone(phone, code)]).toEqual([phone, null]);
      expect([phone, validatePhone(` ${phone} `, code)]).toEqual([phone, null]);
      // Anchored at both ends: nothing before or after the number.
      expect(validatePhone(`0${phone}`, code)).toEqual({ key: 'invalidPhone' });
      expect(validatePhone(`${phone}0`, code)).toEqual({ key: 'invalidPhone' });
      expect(validatePhone(`${phone.slice(0, -1)}x`, code)).toEqual({ key: 'invalidPhone' });
    }
    for (const phone of bad) expect([phone, validatePhone(phone, code)]).toEqual([phone, { key: 'invalidPhone' }]);
  });

  test('the picker shows each code in both languages, the code itself in the label', () => {
    for (const { code, label } of COUNTRY_CODES) {
      expect(label['zh-CN'].endsWith(` ${code}`)).toBe(true);
      expect(label['en-US'].endsWith(` ${code}`)).toBe(true);
      expect(label['zh-CN'].length).toBeGreaterThan(code.length + 1);
      expect(label['en-US'].length).toBeGreaterThan(code.length + 1);
      expect(label['zh-CN']).not.toBe(label['en-US']);
    }
    expect(COUNTRY_CODES[0].label).toEqual({ 'zh-CN': '中国大陆 +86', 'en-US': 'China +86' });
  });

  test('default +86; blank or non-string → required; an unknown code → invalidCountryCode', () => {
    expect(validatePhone('13800000000')).toBeNull();
    expect(validatePhone('91234567')).toEqual({ key: 'invalidPhone' });
    for (const blank of ['', '   ', undefined, null, 13800000000]) expect(validatePhone(blank)).toEqual(required('phone'));
    expect(validatePhone('13800000000', '+7')).toEqual({ key: 'invalidCountryCode' });
    expect(validatePhone('13800000000', '86')).toEqual({ key: 'invalidCountryCode' });
    expect(validateCountryCode('+7')).toEqual({ key: 'invalidCountryCode' });
    expect(validateCountryCode('')).toEqual({ key: 'invalidCountryCode' });
  });
});

describe('email', () => {
  test.each([
    'a@b.co', 'first.last+tag@example.com', "o'brien!#$%&*/=?^_`{|}~-@x.io", 'A@sub-domain.Example.COM', 'a@1.2',
    `a@${'b'.repeat(63)}.com`, ' padded@example.com ',
  ])('accepts %s', (email) => {
    expect(validateEmail(email)).toBeNull();
  });

  test.each([
    'plain', '@example.com', 'a@', 'a@b', 'a@b.', 'a@.com', 'a@-b.com', 'a@b-.com', 'a@b..com', 'a b@c.com', 'a@b c.com',
    'a@@b.com', 'a@b.com x', 'x a@b.com', 'a@b_c.com', 'a@b.c_m', `a@${'b'.repeat(64)}.com`, 'a@b.-c', '(a)@b.com',
  ])('refuses %s', (email) => {
    expect(validateEmail(email)).toEqual({ key: 'invalidEmail' });
  });

  test('at most 254 characters', () => {
    const at = (n) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;
    expect(at(254)).toHaveLength(254);
    expect(validateEmail(at(254))).toBeNull();
    expect(validateEmail(at(255))).toEqual({ key: 'invalidEmail' });
  });

  test('blank or non-string → required', () => {
    for (const blank of ['', ' \t', undefined, null, {}]) expect(validateEmail(blank)).toEqual(required('email'));
  });
});

describe('account (login with username, phone or email)', () => {
  test('accountKind: which payload field the string travels in', () => {
    expect(accountKind('a@b.co')).toBe('email');
    expect(accountKind(' a@b.co ')).toBe('email');
    expect(accountKind('13800000000')).toBe('phone');
    expect(accountKind(' 13800000000 ')).toBe('phone');
    for (const username of ['demo', 'a@b', '@b.co', '12800000000', '138000000001', 'x13800000000', '1380000000', 'a@b.co.', 'a@b.co x']) {
      expect([username, accountKind(username)]).toEqual([username, 'username']);
    }
  });

  test('usernames: 1–64 of letters, digits and _ . @ -', () => {
    for (const ok of ['demo', 'a', 'A_b.c@d-e', 'x'.repeat(64), ' demo ', '0']) expect([ok, validateAccount(ok)]).toEqual([ok, null]);
    for (const bad of ['x'.repeat(65), 'has space', 'a+b', '名字', 'a/b', 'a\u0000']) {
      expect([bad, validateAccount(bad)]).toEqual([bad, { key: 'invalidAccount' }]);
    }
  });

  test('a phone or an email needs no username shape', () => {
    expect(validateAccount('13800000000')).toBeNull();
    expect(validateAccount(`${'a'.repeat(70)}@example.com`)).toBeNull();
    expect(validateAccount(`${'a'.repeat(70)}@example`)).toEqual({ key: 'invalidAccount' });
  });

  test('blank or non-string → required', () => {
    for (const blank of ['', '  ', undefined, null, 42]) expect(validateAccount(blank)).toEqual(required('account'));
  });
});

describe('password being set', () => {
  const invalid = { key: 'invalidPassword', params: { min: 6, max: 64 } };

  test(`${PASSWORD_MIN}–${PASSWORD_MAX} characters, spaces count`, () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([6, 64]);
    expect(validatePassword('x'.repeat(6))).toBeNull();
    expect(validatePassword('x'.repeat(64))).toBeNull();
    expect(validatePassword('      ')).toBeNull();
    expect(validatePassword('x'.repeat(5))).toEqual(invalid);
    expect(validatePassword('x'.repeat(65))).toEqual(invalid);
    expect(validatePassword(' ')).toEqual(invalid);
  });

  test('empty or non-string → required', () => {
    for (const blank of ['', undefined, null, 12345678, ['12345678']]) expect(validatePassword(blank)).toEqual(required('password'));
  });
});

describe('verification code', () => {
  test('exactly `length` digits (default 6), surrounding spaces ignored', () => {
    expect(validateSmsCode('123456')).toBeNull();
    expect(validateSmsCode(' 123456 ')).toBeNull();
    expect(validateSmsCode('1234', 4)).toBeNull();
    for (const bad of ['12345', '1234567', '12345a', 'a123456', '1234567a', '12 456', '１２３４５６']) {
      expect([bad, validateSmsCode(bad)]).toEqual([bad, { key: 'invalidSmsCode', params: { length: 6 } }]);
    }
    expect(validateSmsCode('123456', 4)).toEqual({ key: 'invalidSmsCode', params: { length: 4 } });
  });

  test('blank or non-string → required', () => {
    for (const blank of ['', '   ', undefined, null, 123456]) expect(validateSmsCode(blank)).toEqual(required('code'));
  });
});

describe('free-text profile fields', () => {
  test('absent values are fine; a non-string is invalidText', () => {
    for (const absent of [undefined, null, '']) expect(validateText(absent, 'city')).toBeNull();
    for (const other of [0, false, {}, ['x']]) expect(validateText(other, 'city')).toEqual({ key: 'invalidText', params: { field: 'city' } });
  });

  test(`at most ${TEXT_MAX} characters unless the field says otherwise`, () => {
    expect(TEXT_MAX).toBe(255);
    expect(validateText('x'.repeat(255), 'city')).toBeNull();
    expect(validateText('x'.repeat(256), 'city')).toEqual({ key: 'tooLong', params: { field: 'city', max: 255 } });
    expect(validateText('x'.repeat(10), 'nickname', 10)).toBeNull();
    expect(validateText('x'.repeat(11), 'nickname', 10)).toEqual({ key: 'tooLong', params: { field: 'nickname', max: 10 } });
  });

  test('tab, newline and carriage return are text; other control and bidi-override characters are not', () => {
    for (const ok of ['\t', '\n', '\r', ' ', '~', '\u0080', '\u00A0', '\u2029', '\u202F', '\u2065', '\u206A', '名字', '😀']) {
      expect([ok, validateText(`a${ok}b`, 'city')]).toEqual([ok, null]);
    }
    const bad = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u0010', '\u001F', '\u007F',
      '\u202A', '\u202C', '\u202E', '\u2066', '\u2067', '\u2069'];
    for (const ch of bad) {
      const code = ch.charCodeAt(0).toString(16);
      expect([code, validateText(`a${ch}b`, 'city')]).toEqual([code, { key: 'invalidText', params: { field: 'city' } }]);
    }
  });

  test('a username being set is never blank, else a free-text field', () => {
    for (const blank of ['', '   ']) expect(validateUsername(blank)).toEqual(required('username'));
    expect(validateUsername(undefined)).toBeNull();
    expect(validateUsername('new-name')).toBeNull();
    expect(validateUsername('x'.repeat(256))).toEqual({ key: 'tooLong', params: { field: 'username', max: 255 } });
    expect(validateUsername(7)).toEqual({ key: 'invalidText', params: { field: 'username' } });
    expect(validateUsername('a\u202Eb')).toEqual({ key: 'invalidText', params: { field: 'username' } });
  });
});

test('gender: M, F, U or absent', () => {
  for (const ok of [undefined, 'M', 'F', 'U']) expect(validateGender(ok)).toBeNull();
  for (const bad of [null, '', 'm', 'X', 'male', 0]) expect([bad, validateGender(bad)]).toEqual([bad, { key: 'invalidGender' }]);
});

describe('birthdate', () => {
  const TODAY = Date.UTC(2026, 10, 30);

  test('absent is fine; anything but YYYY-MM-DD is invalidDate', () => {
    for (const absent of [undefined, null, '']) expect(validateBirthdate(absent, TODAY)).toBeNull();
    for (const bad of [19900102, '1990/01/02', '1990-1-02', '1990-01-2', '90-01-02', ' 1990-01-02', '1990-01-02 ', 'x1990-01-02', '1990-01-02x', 'abcd-ef-gh']) {
      expect([bad, validateBirthdate(bad, TODAY)]).toEqual([bad, { key: 'invalidDate' }]);
    }
  });

  test('a real calendar date from 1900 on', () => {
    for (const ok of ['1900-01-01', '1990-01-02', '2000-02-29', '1990-12-31', '2026-11-30']) expect([ok, validateBirthdate(ok, TODAY)]).toEqual([ok, null]);
    for (const bad of ['1899-12-31', '1990-02-30', '1900-02-29', '1990-13-01', '1990-00-10', '1990-01-00', '1990-01-32', '1990-04-31']) {
      expect([bad, validateBirthdate(bad, TODAY)]).toEqual([bad, { key: 'invalidDate' }]);
    }
  });

  test('not after today (today itself is fine); today defaults to now', () => {
    expect(validateBirthdate('2026-12-01', TODAY)).toEqual({ key: 'futureDate' });
    expect(validateBirthdate('2026-11-30', TODAY)).toBeNull();
    expect(validateBirthdate('2026-11-30', TODAY - 1)).toEqual({ key: 'futureDate' });
    expect(validateBirthdate('2999-01-01')).toEqual({ key: 'futureDate' });
    expect(validateBirthdate('2000-01-01')).toBeNull();
  });
});

test('validateRequired names the field for the message', () => {
  expect(validateRequired('x', 'nickname')).toBeNull();
  expect(validateRequired(' x ', 'nickname')).toBeNull();
  for (const blank of ['', ' ', undefined, null, 1]) expect(validateRequired(blank, 'nickname')).toEqual(required('nickname'));
});
