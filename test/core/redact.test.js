// core/redact: a third-party error text (a platform's errMsg, a proxy's echo) stays in ErrorData only
// when it quotes none of the secrets the failed call carried, in any spelling it travels in.
const { core } = require('./support');
const { withoutSecrets } = require('../helpers/kit').internal('core/redact');

const NETWORK = core.translate('en-US', 'network');
const TIMEOUT = core.translate('en-US', 'timeout');
/** A platform failure whose texts quote `text` (as platformError builds it for kind 'platform'). */
const echoed = (text, code = 'platform') => ({ code, message: text, errMsg: text, statusCode: 0 });
/** True when the redaction removed the text, i.e. it was judged to quote a secret of `carried`. */
const redacts = (text, carried) => {
  const error = echoed(`request:fail ${text} (sent)`);
  return withoutSecrets('en-US', error, carried) !== error;
};

describe('what counts as a secret', () => {
  test('strings of 6 characters or more, anywhere in the carried value', () => {
    expect(redacts('abcdef', 'abcdef')).toBe(true);
    expect(redacts('abcde', 'abcde')).toBe(false); // too common to tell from prose
    expect(redacts('Demo@123456', { passwordPayload: { account: 'demo', password: 'Demo@123456' } })).toBe(true);
    expect(redacts('token-in-array', ['x', ['token-in-array']])).toBe(true);
    expect(redacts('demo', { account: 'demo' })).toBe(false);
    expect(redacts('nothing quoted', { password: 'Demo@123456' })).toBe(false);
  });

  test('a secret at the very start of the text', () => {
    const error = { code: 'platform', message: 'Demo@123456 was refused', errMsg: 'Demo@123456 was refused' };
    expect(withoutSecrets('en-US', error, 'Demo@123456')).toEqual({ code: 'platform', message: NETWORK });
  });

  test('its URI-encoded and JSON-escaped spellings are secrets too', () => {
    const secret = 'p@ss w"rd\\1';
    expect(redacts(encodeURIComponent(secret), secret)).toBe(true);
    expect(redacts(JSON.stringify({ password: secret }), { password: secret })).toBe(true);
    // The escaped spelling alone, without the quotes JSON puts around it:
    expect(redacts(`value=${JSON.stringify(secret).slice(1, -1)};`, secret)).toBe(true);
  });

  test('each value of a form body is a secret of its own, decoded', () => {
    const body = `grant_type=refresh_token&refresh_token=${encodeURIComponent('r3fresh/tok+en')}&client_id=app-id`;
    expect(redacts('r3fresh/tok+en', body)).toBe(true);
    expect(redacts('r3fresh/tok', body)).toBe(false);
    expect(redacts('refresh_token', body)).toBe(true);
    expect(redacts('a b c secret', 'x=a+b+c+secret')).toBe(true);
    expect(redacts('a+b+c+secret', 'x=a+b+c+secret')).toBe(true);
    // A value that is not valid percent-encoding is taken as it is.
    expect(redacts('bad%E0%A4%Avalue', 'x=bad%E0%A4%Avalue&y=1')).toBe(true);
    expect(redacts('%E0%A4%Avalue', 'x=%E0%A4%Avalue&y=1')).toBe(true);
  });

  test('a string starting with "=" is not a form body: only the whole string is a secret', () => {
    expect(redacts('=abcdefgh', '=abcdefgh')).toBe(true);
    expect(redacts('abcdefgh', '=abcdefgh')).toBe(false);
  });

  test('the scan stops 8 levels deep, so a cyclic argument cannot hang it', () => {
    const nest = (levels, leaf) => (levels === 0 ? leaf : { a: nest(levels - 1, leaf) });
    expect(redacts('deep-secret', nest(8, 'deep-secret'))).toBe(true);
    expect(redacts('deep-secret', nest(9, 'deep-secret'))).toBe(false);
    const cyclic = { password: 'Demo@123456' };
    cyclic.self = cyclic;
    expect(redacts('Demo@123456', cyclic)).toBe(true);
    expect(redacts('unrelated text', cyclic)).toBe(false);
  });

  test('no carried value, or one with no strings: nothing is redacted', () => {
    for (const carried of [undefined, null, 0, 123456789, true, {}, [], { n: 1234567 }]) expect(redacts('123456789 true', carried)).toBe(false);
  });
});

describe('what is kept', () => {
  test('an error quoting nothing comes back as it was', () => {
    const error = { code: 'network', message: NETWORK, errMsg: 'request:fail url not in domain list' };
    expect(withoutSecrets('en-US', error, { password: 'Demo@123456' })).toBe(error);
    const bare = { code: 'network', message: NETWORK };
    expect(withoutSecrets('en-US', bare, 'Demo@123456')).toBe(bare);
  });

  test('only errMsg quotes a secret: errMsg goes, the rest stays', () => {
    const error = { code: 'network', message: NETWORK, errMsg: 'request:fail sent Demo@123456', statusCode: 0 };
    expect(withoutSecrets('en-US', error, 'Demo@123456')).toEqual({ code: 'network', message: NETWORK, statusCode: 0 });
    expect(error.errMsg).toBe('request:fail sent Demo@123456'); // the input is not changed
  });

  test('a message quoting a secret becomes the localized network or timeout message', () => {
    expect(withoutSecrets('en-US', echoed('fail Demo@123456'), 'Demo@123456')).toEqual({ code: 'platform', message: NETWORK, statusCode: 0 });
    expect(withoutSecrets('en-US', echoed('fail Demo@123456', 'timeout'), 'Demo@123456')).toEqual({ code: 'timeout', message: TIMEOUT, statusCode: 0 });
    expect(withoutSecrets('zh-CN', { code: 'platform', message: 'Demo@123456' }, 'Demo@123456')).toEqual({ code: 'platform', message: core.translate('zh-CN', 'network') });
  });
});
