// The stored login state's edges: which lifetime a token set is given (expires_in, expire_in, the
// access or id token's own exp − iat), the safety margin, which token sets can be saved, which stored
// values count as a login, and that callers never see the kit's private marker.
const { DEMO, setup, expectReadableError } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.wx.clearStorageSync(); });

const MARGIN_MS = 30_000;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;
const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (payload) => `${b64({ alg: 'none' })}.${b64(payload)}.sig`;

/** Saves `tokens` and returns the stored expires_at with the device clock just before and after. */
async function savedExpiry(tokens) {
  const before = Date.now();
  const [err, state] = await t.client().saveLoginState(tokens);
  const after = Date.now();
  expect(err).toBeNull();
  expect(t.stored().expires_at).toBe(state.expires_at);
  return { at: state.expires_at, before, after };
}

/** expires_at lies in [before + offset, after + offset]. */
function expectExpiry({ at, before, after }, offset) {
  expect(at).toBeGreaterThanOrEqual(before + offset);
  expect(at).toBeLessThanOrEqual(after + offset);
}

describe('lifetime of a saved token set', () => {
  test('expires_in as a numeric string counts; a blank one or 0 falls back to expire_in', async () => {
    expectExpiry(await savedExpiry({ access_token: 'a', expires_in: ' 600 ' }), 600_000 - MARGIN_MS);
    expectExpiry(await savedExpiry({ access_token: 'a', expires_in: ' ', expire_in: 900 }), 900_000 - MARGIN_MS);
    expectExpiry(await savedExpiry({ access_token: 'a', expires_in: 0, expire_in: 1200 }), 1_200_000 - MARGIN_MS);
  });

  test('an expires_in that is neither a number nor a numeric string gives no lifetime', async () => {
    const [err] = await t.client().saveLoginState({ access_token: 'opaque', expires_in: true });
    expectReadableError(err, 'invalid_argument');
    expect(t.stored()).toBeUndefined();
  });

  test('a short lifetime loses at most half of itself to the margin', async () => {
    expectExpiry(await savedExpiry({ access_token: 'a', expires_in: 10 }), 5_000);
    expectExpiry(await savedExpiry({ access_token: 'a', expires_in: 60 }), 30_000);
    expectExpiry(await savedExpiry({ access_token: 'a', expires_in: 61 }), 31_000);
  });

  test('a huge expires_in is believed for ten years at most, minus the margin', async () => {
    expectExpiry(await savedExpiry({ access_token: 'a', expires_in: 1e12 }), TEN_YEARS_MS - MARGIN_MS);
  });

  test('a fraction of a millisecond is rounded to a whole stored time', async () => {
    const { at } = await savedExpiry({ access_token: 'a', expires_in: 1.0003 });
    expect(Number.isInteger(at)).toBe(true);
  });

  test('the JWT lifetime is exp − iat (server clock), whatever the device clock says', async () => {
    const iat = Math.floor(Date.now() / 1000) - 86_400; // issued a day ago by the device clock
    expectExpiry(await savedExpiry({ access_token: jwt({ iat, exp: iat + 600 }) }), 600_000 - MARGIN_MS);
  });

  test('without a usable iat (missing, or not before exp) the exp is read against the device clock', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    expect((await savedExpiry({ access_token: jwt({ iat: exp, exp }) })).at).toBe(exp * 1000 - MARGIN_MS);
    expect((await savedExpiry({ access_token: jwt({ iat: -5, exp }) })).at).toBe(exp * 1000 - MARGIN_MS);
  });

  test('the id token\'s own lifetime counts when the access token is opaque', async () => {
    const exp = Math.floor(Date.now() / 1000) + 1800;
    expect((await savedExpiry({ access_token: 'opaque', id_token: jwt({ exp }) })).at).toBe(exp * 1000 - MARGIN_MS);
  });

  test('a JWT already expired is saved as it is (no margin), and reads back as login_expired', async () => {
    const exp = Math.floor(Date.now() / 1000) - 60;
    const client = t.client();
    const [err, state] = await client.saveLoginState({ access_token: jwt({ exp }), refresh_token: 'r' });
    expect(err).toBeNull();
    expect(state.expires_at).toBe(exp * 1000);
    expectReadableError((await client.getLoginState())[0], 'login_expired');
  });

  test('a given expires_at is kept as it is', async () => {
    const [, state] = await t.client().saveLoginState({ access_token: 'a', expires_in: 60, expires_at: 4_102_444_800_000 });
    expect(state.expires_at).toBe(4_102_444_800_000);
  });
});

describe('which token sets can be saved', () => {
  test.each(['access_token', 'id_token', 'refresh_token', 'token_type', 'scope'])('%s that is not a string names itself', async (name) => {
    const [err] = await t.client().saveLoginState({ access_token: 'a', id_token: 'i', expires_in: 60, [name]: 5 });
    expectReadableError(err, 'invalid_argument');
    expect(err.message).toBe(`参数 ${name} 不正确`);
    expect(t.stored()).toBeUndefined();
  });

  test('an empty access token beside an id token is a login; both empty is not', async () => {
    const client = t.client();
    const [err, state] = await client.saveLoginState({ access_token: '', id_token: 'id-1', expires_in: 60 });
    expect(err).toBeNull();
    expect(state.id_token).toBe('id-1');
    const [none] = await client.saveLoginState({ access_token: '', id_token: '', expires_in: 60 });
    expectReadableError(none, 'invalid_argument');
    expect(none.message).toBe('参数 loginState 不正确');
  });

  test('other fields of the token set are stored and read back', async () => {
    const client = t.client();
    await client.saveLoginState({ access_token: 'a', expires_in: 60, custom: { tenant: 't1' } });
    expect((await client.getLoginState())[1]).toMatchObject({ access_token: 'a', custom: { tenant: 't1' } });
  });
});

describe('what counts as a stored login', () => {
  test.each([
    ['text', 'access-token'],
    ['null', null],
    ['an empty object', {}],
    ['empty tokens', { access_token: '', id_token: '', expires_at: Date.now() + 60_000 }],
    ['tokens that are not strings', { access_token: 5, id_token: ['x'], expires_at: Date.now() + 60_000 }],
  ])('%s in storage → not_logged_in', async (_name, value) => {
    t.wx.setStorageSync(t.storageKey, value);
    expectReadableError((await t.client().getLoginState())[0], 'not_logged_in');
  });

  test('an id token alone is a login', async () => {
    const stored = { id_token: 'id-only', expires_at: Date.now() + 60_000 };
    t.wx.setStorageSync(t.storageKey, stored);
    expect(await t.client().getLoginState()).toEqual([null, stored]);
  });

  test('an expires_at that is not a number is expired', async () => {
    t.wx.setStorageSync(t.storageKey, { access_token: 'a', expires_at: String(Date.now() + 60_000) });
    expectReadableError((await t.client().getLoginState())[0], 'login_expired');
  });

  test('callers get the state without the kit\'s marker; storage keeps it', async () => {
    const client = t.client();
    const [, state] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password } });
    expect(t.stored()._kit).toEqual({ method: 'password' });
    expect(state).not.toHaveProperty('_kit');
    expect((await client.getLoginState())[1]).not.toHaveProperty('_kit');
    expect((await client.getLoginState())[1]).toEqual(state);
  });
});
