// Unit tests of core/flows/profile-form (built output): fields, diff of changed fields, validation.
const {
  parseFields, valuesFromUser, diffValues, validateField, validateValues, isoDate, DEFAULT_FIELDS, FIELD_DEFS,
} = require('../../helpers/kit').internal('core/flows/profile-form');
const { PROFILE_TEXTS } = require('../../helpers/kit').internal('components/profile-form/texts');

const TODAY = Date.UTC(2026, 10, 25);

describe('parseFields', () => {
  test('defaults', () => {
    expect(parseFields(undefined)).toEqual(DEFAULT_FIELDS);
    expect(parseFields('')).toEqual(DEFAULT_FIELDS);
    expect(parseFields([])).toEqual(DEFAULT_FIELDS);
    expect(DEFAULT_FIELDS).toEqual(['nickname', 'name', 'gender', 'birthdate', 'country', 'province', 'city', 'address']);
  });
  test('array or comma string, kebab or camel, unknown and duplicates dropped', () => {
    expect(parseFields('nickname, gender,street-address')).toEqual(['nickname', 'gender', 'streetAddress']);
    expect(parseFields(['postalCode', 'photo', 'password', 'postal_code', 'company', 7])).toEqual(['postalCode', 'company']);
    expect(parseFields('bogus')).toEqual(DEFAULT_FIELDS);
  });
  test('photo and customData are not form fields', () => {
    expect(FIELD_DEFS.photo).toBeUndefined();
    expect(FIELD_DEFS.customData).toBeUndefined();
  });
});

test('valuesFromUser turns null into "" and unknown gender into U', () => {
  const v = valuesFromUser({ nickname: 'N', name: null, gender: 'X', birthdate: '1990-01-02' }, ['nickname', 'name', 'gender', 'birthdate', 'city']);
  expect(v).toEqual({ nickname: 'N', name: '', gender: 'U', birthdate: '1990-01-02', city: '' });
  expect(valuesFromUser(null, ['gender', 'city'])).toEqual({ gender: 'U', city: '' });
});

describe('diffValues', () => {
  const fields = ['nickname', 'name', 'gender', 'city'];
  const initial = { nickname: 'Demo', name: 'Demo User', gender: 'U', city: '' };
  test('only changed fields, trimmed, in field order', () => {
    const d = diffValues(initial, { ...initial, city: ' Shanghai ', gender: 'F' }, fields);
    expect(d).toEqual({ changes: { gender: 'F', city: 'Shanghai' }, changed: ['gender', 'city'] });
  });
  test('whitespace-only edits are no change; clearing is a change to ""', () => {
    expect(diffValues(initial, { ...initial, nickname: 'Demo  ' }, fields).changed).toEqual([]);
    expect(diffValues(initial, { ...initial, name: '' }, fields)).toEqual({ changes: { name: '' }, changed: ['name'] });
  });
  test('fields not listed are ignored', () => {
    expect(diffValues(initial, { ...initial, company: 'ACME' }, fields).changed).toEqual([]);
  });
});

describe('validation', () => {
  test('birthdate', () => {
    expect(validateField('birthdate', '1990-01-02', TODAY)).toBeNull();
    expect(validateField('birthdate', '', TODAY)).toBeNull();
    expect(validateField('birthdate', '1990-02-30', TODAY)).toEqual({ key: 'invalidDate' });
    expect(validateField('birthdate', '2999-01-01', TODAY)).toEqual({ key: 'futureDate' });
    expect(validateField('birthdate', '1990/01/02', TODAY)).toEqual({ key: 'invalidDate' });
  });
  test('text length per field and unsafe characters', () => {
    expect(validateField('nickname', 'x'.repeat(64))).toBeNull();
    expect(validateField('nickname', 'x'.repeat(65))).toEqual({ key: 'tooLong', params: { field: 'nickname', max: 64 } });
    expect(validateField('address', 'x'.repeat(256))).toEqual({ key: 'tooLong', params: { field: 'address', max: 255 } });
    expect(validateField('city', 'Sh\u202Eanghai')).toEqual({ key: 'invalidText', params: { field: 'city' } });
  });
  test('gender', () => {
    expect(validateField('gender', 'M')).toBeNull();
    expect(validateField('gender', 'X')).toEqual({ key: 'invalidGender' });
  });
  test('validateValues gives language-neutral problems keyed by field (the component words them)', () => {
    const values = { nickname: 'y'.repeat(70), birthdate: '2999-01-01', city: 'ok' };
    expect(validateValues(values, ['nickname', 'birthdate', 'city'], TODAY))
      .toEqual({ nickname: { key: 'tooLong', params: { field: 'nickname', max: 64 } }, birthdate: { key: 'futureDate' } });
    expect(validateValues(values, ['city'], TODAY)).toEqual({});
  });
});

test('isoDate pads', () => {
  expect(isoDate(new Date(2026, 0, 5).getTime())).toBe('2026-01-05');
});

test('texts: both languages, same keys, a label for every field', () => {
  expect(Object.keys(PROFILE_TEXTS['en-US']).sort()).toEqual(Object.keys(PROFILE_TEXTS['zh-CN']).sort());
  for (const f of Object.keys(FIELD_DEFS)) expect(PROFILE_TEXTS['zh-CN']['label_' + f]).toBeTruthy();
  // the validation messages are component texts too (overridable), with the core's wording
  expect(PROFILE_TEXTS['zh-CN'].tooLong).toBe('{field}不能超过 {max} 个字符');
  expect(PROFILE_TEXTS['en-US'].futureDate).toBeTruthy();
});
