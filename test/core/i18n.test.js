// The kit's own messages (core/i18n, i18n/en-US): every key worded in both languages with the same
// placeholders, parameters filled in, field names translated, a missing English table falling back to zh-CN.
const { core } = require('./support');
const { enUS } = require('../../miniprogram_dist/i18n/en-US');

const KEYS = Object.keys(enUS);
const placeholders = (text) => (text.match(/\{\w+\}/g) || []).map((p) => p.slice(1, -1)).sort();
const CJK = /[\u4e00-\u9fff]/;

test('every message exists in both languages, with the same placeholders', () => {
  expect(KEYS.length).toBeGreaterThan(60);
  for (const key of KEYS) {
    const names = placeholders(enUS[key]);
    const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
    const zh = core.translate('zh-CN', key, params);
    const en = core.translate('en-US', key, params);
    expect([key, CJK.test(zh), CJK.test(en)]).toEqual([key, true, false]);
    expect([key, en.trim().length > 0]).toEqual([key, true]);
    for (const name of names) {
      expect([key, zh.includes(`<${name}>`)]).toEqual([key, true]);
      expect([key, en.includes(`<${name}>`)]).toEqual([key, true]);
    }
    // zh-CN has no placeholder English lacks: nothing is left unreplaced.
    expect([key, /\{\w+\}/.test(zh)]).toEqual([key, false]);
  }
});

test('parameters are filled in, each one where it stands; a missing one is left empty', () => {
  expect(core.translate('en-US', 'invalidPassword', { min: 6, max: 64 })).toBe('Password must be 6-64 characters');
  expect(core.translate('zh-CN', 'invalidPassword', { min: 6, max: 64 })).toBe('密码长度应为 6-64 位');
  expect(core.translate('en-US', 'invalidSmsCode', { length: 0 })).toBe('Please enter the 0-digit code');
  expect(core.translate('en-US', 'invalidPassword', { min: 6 })).toBe('Password must be 6- characters');
  expect(core.translate('en-US', 'invalidSmsCode')).toBe('Please enter the -digit code');
});

test('a {field} naming a known field is translated; other values stay as given', () => {
  expect(core.translate('en-US', 'required', { field: 'phone' })).toBe('Please enter your phone number');
  expect(core.translate('zh-CN', 'required', { field: 'phone' })).toBe('请输入手机号');
  expect(core.translate('en-US', 'required', { field: 'favouriteColour' })).toBe('Please enter your favouriteColour');
  expect(core.translate('en-US', 'tooLong', { field: 'streetAddress', max: 255 })).toBe('street address must be at most 255 characters');
  // Only {field} is looked up: a {name} that happens to spell a field stays as it is.
  expect(core.translate('en-US', 'invalidParam', { name: 'phone' })).toBe(enUS.invalidParam.replace('{name}', 'phone'));
});

test('an unknown key reads as itself', () => {
  expect(core.translate('en-US', 'noSuchMessage')).toBe('noSuchMessage');
  expect(core.translate('zh-CN', 'noSuchMessage')).toBe('noSuchMessage');
});

test('without the English table, English falls back to zh-CN message by message', () => {
  // The registry is shared by every copy of the kit and the test setup registered en-US: it stands in
  // for an app without the module while a partial table replaces it, then is put back.
  const languages = globalThis[Symbol.for('authing-miniapp-kit.registry')].messages;
  const setupEnglish = languages['en-US'];
  try {
    delete languages['en-US'];
    expect(core.translate('en-US', 'required', { field: 'phone' })).toBe('请输入手机号');
    core.registerMessages('en-US', { required: 'Enter your {field}', field_phone: 'mobile' });
    expect(core.translate('en-US', 'required', { field: 'phone' })).toBe('Enter your mobile');
    expect(core.translate('en-US', 'required', { field: 'email' })).toBe('Enter your 邮箱');
    expect(core.translate('en-US', 'network')).toBe(core.translate('zh-CN', 'network'));
    expect(core.translate('zh-CN', 'required', { field: 'phone' })).toBe('请输入手机号');
  } finally {
    languages['en-US'] = setupEnglish;
  }
  expect(core.translate('en-US', 'network')).toBe(enUS.network);
});

test('isLang: the two supported languages only', () => {
  expect(core.SUPPORTED_LANGS).toEqual(['zh-CN', 'en-US']);
  expect(core.isLang('zh-CN')).toBe(true);
  expect(core.isLang('en-US')).toBe(true);
  for (const other of ['fr-FR', 'en', 'zh-cn', '', undefined, null, 0, ['en-US']]) expect(core.isLang(other)).toBe(false);
});
