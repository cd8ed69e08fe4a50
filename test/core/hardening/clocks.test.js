// Clocks: resend countdowns never show more than the configured countdown (stored end time far ahead,
// clock moved back); login expiry is the token's own lifetime counted from its arrival, not the device
// clock against `exp`; absurd expires_in values give a finite, usable expiry.
const { CountdownStore, countdownKey, MAX_COUNTDOWN_SECONDS } = require('../../helpers/kit').internal('core/flows/countdown');
const { core, DEMO, setup, expectReadableError } = require('../support');
const { MAX_LIFETIME_MS } = require('../../helpers/kit').internal('core/login-state');

function fakeStorage() {
  const data = new Map();
  return { data, get: (k) => (data.has(k) ? JSON.parse(data.get(k)) : ''), set: (k, v) => data.set(k, JSON.stringify(v)) };
}
function clock(start = 1_700_000_000_000) {
  const c = { t: start, now: () => c.t, advance: (ms) => { c.t += ms; } };
  return c;
}
const KEY = countdownKey('CHANNEL_LOGIN', '+86', '13800000000');
const HOUR = 3600_000;

describe('resend countdown bounds', () => {
  test('the clock moved back an hour: at most the configured 60 s, then it counts down normally', () => {
    const c = clock();
    const store = new CountdownStore({ storage: null, now: c.now });
    store.start(KEY, 60);
    c.advance(-HOUR);
    expect(store.remainingSeconds(KEY, 60)).toBe(60);
    c.advance(30_000);
    expect(store.remainingSeconds(KEY, 60)).toBe(30);
    c.advance(30_000);
    expect(store.remaining(KEY, 60)).toBe(0);
  });

  test('a stored entry 10 years ahead shows at most the configured countdown, and ends after it', () => {
    const c = clock();
    const storage = fakeStorage();
    const tenYears = 10 * 365 * 24 * HOUR;
    storage.set('authing:countdowns', { [KEY]: { endsAt: c.t + tenYears, startedAt: c.t - 1000 } });
    const store = new CountdownStore({ storage, now: c.now });
    expect(store.remainingSeconds(KEY, 60)).toBe(60);
    expect(store.latest('CHANNEL_LOGIN:', 60).endsAt).toBe(c.t + 60_000);
    // The repaired entry is what storage holds now: a new store (page re-entered) sees the same.
    expect(storage.get('authing:countdowns')[KEY]).toEqual({ endsAt: c.t + 60_000, startedAt: c.t });
    c.advance(60_000);
    expect(store.remaining(KEY, 60)).toBe(0);
    expect(new CountdownStore({ storage, now: c.now }).remaining(KEY)).toBe(0);
  });

  test('no cap given: never more than the entry\'s own length, nor MAX_COUNTDOWN_SECONDS', () => {
    const c = clock();
    const storage = fakeStorage();
    storage.set('authing:countdowns', {
      a: { endsAt: c.t + 50 * HOUR, startedAt: c.t - HOUR },
      b: { endsAt: c.t + 90_000, startedAt: c.t - 10_000 },
      c: { endsAt: 'soon', startedAt: c.t },
      d: { endsAt: null, startedAt: c.t },
    });
    const store = new CountdownStore({ storage, now: c.now });
    expect(store.remainingSeconds('a')).toBe(MAX_COUNTDOWN_SECONDS);
    expect(store.remainingSeconds('b')).toBe(90);
    expect(store.remaining('c')).toBe(0);
    expect(store.remaining('d')).toBe(0);
    expect(store.start('e', 1e308)).toBe(c.t + MAX_COUNTDOWN_SECONDS * 1000);
    expect(store.start('f', NaN)).toBe(c.t);
  });
});

describe('login expiry', () => {
  let t;
  beforeAll(async () => { t = await setup({ accessTokenTtl: 300 }); });
  afterAll(() => t.close());
  beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); await t.advanceClock(-(await t.dev.get('/__dev/clock')).offsetMs); });

  /** A platform whose answers carry no expires_in/expire_in: only the JWTs say how long they live. */
  function jwtOnlyPlatform() {
    const base = core.createWechatPlatform(t.wx);
    return {
      ...base,
      request: async (req) => {
        const res = await base.request(req);
        const body = res.data && typeof res.data === 'object' ? res.data : undefined;
        for (const o of [body, body && body.data]) if (o && typeof o === 'object') { delete o.expires_in; delete o.expire_in; }
        return res;
      },
    };
  }

  test('a phone 10 minutes fast is logged in right after login (5-minute tokens, JWT exp − iat)', async () => {
    await t.advanceClock(-600_000); // the server is 10 minutes behind the phone
    const client = t.client({ platform: jwtOnlyPlatform() });
    const before = Date.now();
    const [err, state] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password } });
    expect(err).toBeNull();
    const [stateErr, current] = await client.getLoginState();
    expect(stateErr).toBeNull();
    expect(current.access_token).toBe(state.access_token);
    // 300 s lifetime from arrival, minus the margin (30 s, at most half the lifetime).
    expect(state.expires_at).toBeGreaterThanOrEqual(before + 270_000);
    expect(state.expires_at).toBeLessThanOrEqual(Date.now() + 270_000);
    const [profileErr] = await client.getUserInfo();
    expect(profileErr).toBeNull();
  });

  test('a phone 10 minutes slow does not believe the token lives 10 minutes longer', async () => {
    await t.advanceClock(600_000);
    const [, state] = await t.client({ platform: jwtOnlyPlatform() }).loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password } });
    expect(state.expires_at).toBeLessThanOrEqual(Date.now() + 270_000);
  });

  test('a JWT whose exp is 0, negative, not a number, or whose payload is not an object gives no expiry: refused', async () => {
    const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jwt = (payload) => `${b64({ alg: 'none' })}.${b64(payload)}.sig`;
    const client = t.client();
    for (const payload of [{ exp: 0 }, { exp: -5 }, { exp: '9999999999' }, { exp: 1e400 }, null, 5, [1]]) {
      const [err] = await client.saveLoginState({ access_token: jwt(payload) });
      expectReadableError(err, 'invalid_argument');
    }
    expect(t.stored()).toBeUndefined();
    // exp − iat only when iat is before exp; else exp against the device clock.
    const now = Math.floor(Date.now() / 1000);
    const [, backwards] = await client.saveLoginState({ access_token: jwt({ iat: now + 7200, exp: now + 3600 }) });
    expect(backwards.expires_at).toBeLessThanOrEqual((now + 3600) * 1000 - 30_000 + 1000);
  });

  test('expires_in: 1e308 and other absurd values give a finite stored expiry; the user is logged in', async () => {
    const client = t.client();
    for (const expires_in of [1e308, '1e308', Number.MAX_VALUE, 2 ** 53]) {
      const [err, state] = await client.saveLoginState({ access_token: 'a', expires_in });
      expect(err).toBeNull();
      expect(Number.isFinite(t.stored().expires_at)).toBe(true);
      expect(t.stored().expires_at).toBe(state.expires_at);
      expect(state.expires_at).toBeLessThanOrEqual(Date.now() + MAX_LIFETIME_MS);
      expect((await client.getLoginState())[0]).toBeNull();
    }
    for (const expires_in of [-1, 0, NaN, Infinity, 'soon', null]) {
      const [err] = await client.saveLoginState({ access_token: 'opaque', expires_in });
      expectReadableError(err, 'invalid_argument');
    }
  });
});
