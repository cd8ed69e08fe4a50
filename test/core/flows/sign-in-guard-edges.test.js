// The edges of reading and wording the sign-in defences (core/flows/sign-in-guard.ts): blank and zero
// counts, the ms/seconds boundary of unlockTime, two-digit clock parts, a lock that ends right now, and a
// client without the captcha method.
const { internal } = require('../../helpers/kit');

const { readGuardNotice, clockTime, guardNoticeText, SignInGuard } = internal('core/flows/sign-in-guard');
const err = (fields) => ({ message: 'm', code: 'server', ...fields });
const NOW = new Date(2026, 0, 5, 8, 0).getTime();

test('a blank remainCount is no count; 0 tries left is one; a negative count is not', () => {
  expect(readGuardNotice(err({ apiCode: 2333, data: { remainCount: '' } }), NOW)).toBeNull();
  expect(readGuardNotice(err({ apiCode: 2333, data: { remainCount: '  ' } }), NOW)).toBeNull();
  expect(readGuardNotice(err({ apiCode: 2333, data: { remainCount: 0 } }), NOW)).toMatchObject({ kind: 'tries-left', remainCount: 0 });
  expect(readGuardNotice(err({ apiCode: 2333, data: { remainCount: -1 } }), NOW)).toBeNull();
});

test('an unlockTime of exactly 1e11 is read as seconds (milliseconds start above it)', () => {
  expect(readGuardNotice(err({ apiCode: 2057, data: { unlockTime: 1e11 } }), NOW).unlockAt).toBe(1e14);
  expect(readGuardNotice(err({ apiCode: 2057, data: { unlockTime: 1e11 + 1 } }), NOW).unlockAt).toBe(1e11 + 1);
});

test('clock parts of 10 and more are not padded; another day shows its date', () => {
  expect(clockTime(new Date(2026, 0, 5, 10, 10).getTime(), NOW)).toBe('10:10');
  expect(clockTime(new Date(2026, 0, 5, 9, 5).getTime(), NOW)).toBe('09:05');
  expect(clockTime(new Date(2026, 9, 15, 9, 5).getTime(), NOW)).toBe('10-15 09:05');
});

test('a lock that ends right now is worded without a time', () => {
  const text = (key) => key;
  expect(guardNoticeText({ kind: 'locked', error: err({}), unlockAt: NOW }, text, NOW)).toBe('locked');
  expect(guardNoticeText({ kind: 'locked', error: err({}), unlockAt: NOW + 1 }, text, NOW)).toBe('lockedUntil');
});

test('no client, or a client of another make without the captcha method: the field shows with no image, nothing throws', async () => {
  for (const client of [undefined, {}]) {
    const guard = new SignInGuard(() => client);
    await guard.refresh();
    expect(guard.state).toEqual({ captcha: true, captchaSrc: '', captchaLoading: false, notice: null });
    expect(guard.options('abcd')).toEqual({});
  }
});
