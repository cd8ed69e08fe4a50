// Login state, refreshToken and logout: storage key and expiry, refresh after expiry, single
// flight, refresh_token kept, failures leave state untouched, revocation on the wire.
const { core, DEMO, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); });

const OFFLINE = { scope: 'openid profile offline_access' };
const login = (client, options = OFFLINE) => client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options });

/** Rewrites the stored state as if it had been saved long ago (client-side expiry). */
function expireStoredState() {
  const state = t.stored();
  t.wx.setStorageSync(t.storageKey, { ...state, expires_at: Date.now() - 1000 });
  return state;
}

/** A fake JWT with the given exp (seconds); only read by the client, never verified. */
function jwtWithExp(exp) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none' })}.${b64({ exp })}.sig`;
}

describe('login state', () => {
  test('getLoginState: not_logged_in when missing; the stored state when valid', async () => {
    const client = t.client();
    const [missing] = await client.getLoginState();
    expectReadableError(missing, 'not_logged_in');
    await login(client);
    const [err, state] = await client.getLoginState();
    expect(err).toBeNull();
    expect(state.access_token).toBe(t.stored().access_token);
    expect(t.sent()).toHaveLength(1); // the login only: reading state is local
  });

  test('expires_at = now + expires_in·1000 − 30 s margin', async () => {
    const before = Date.now();
    const [, state] = await t.client().saveLoginState({ access_token: 'a', expires_in: 3600 });
    const after = Date.now();
    expect(state.expires_at).toBeGreaterThanOrEqual(before + 3600000 - 30000);
    expect(state.expires_at).toBeLessThanOrEqual(after + 3600000 - 30000);
    expect(t.stored().expires_at).toBe(state.expires_at);
  });

  test('expire_in (V3 DTO spelling) and the JWT exp are fallbacks; no expiry at all is refused', async () => {
    const client = t.client();
    const before = Date.now();
    const [, a] = await client.saveLoginState({ access_token: 'a', expire_in: 600 });
    expect(a.expires_at).toBeGreaterThanOrEqual(before + 600000 - 30000);
    const exp = Math.floor(Date.now() / 1000) + 1800;
    const [, b] = await client.saveLoginState({ access_token: jwtWithExp(exp) });
    expect(b.expires_at).toBe(exp * 1000 - 30000);
    const [err] = await client.saveLoginState({ access_token: 'opaque' });
    expectReadableError(err, 'invalid_argument');
    const [noToken] = await client.saveLoginState({ expires_in: 10 });
    expectReadableError(noToken, 'invalid_argument');
  });

  test('an expired state reports login_expired and is NOT deleted (refresh may still work)', async () => {
    const client = t.client();
    await login(client);
    expireStoredState();
    const [err] = await client.getLoginState();
    expectReadableError(err, 'login_expired');
    expect(t.stored()).toBeDefined();
    const [gated] = await client.getUserInfo();
    expectReadableError(gated, 'login_expired');
  });

  test('a state written by the seed SDK (same key, no kit marker) is read as-is', async () => {
    const seedState = { access_token: 'tok', id_token: 'id', token_type: 'Bearer', expires_in: 7200, expires_at: Date.now() + 3600000 };
    t.wx.setStorageSync(`authing:${t.config.appId}:login-state`, seedState);
    const [err, state] = await t.client().getLoginState();
    expect(err).toBeNull();
    expect(state).toEqual(seedState);
  });

  test('clearLoginState removes the key', async () => {
    const client = t.client();
    await login(client);
    expect(await client.clearLoginState()).toEqual([null, true]);
    expect(t.stored()).toBeUndefined();
  });
});

describe('refreshToken', () => {
  test('wire: POST /oidc/token, headers F + A, form grant_type/redirect_uri/refresh_token, no client_id', async () => {
    const client = t.client();
    const [, first] = await login(client);
    t.mark();
    const [err, next] = await client.refreshToken();
    expect(err).toBeNull();
    expect(next.access_token).not.toBe(first.access_token);
    const [req] = t.sent('/oidc/token');
    expectSdkHeaders(req);
    expectContractHeaders(req, { A: true, F: true }, t.config);
    expect(req.body).toBe(`grant_type=refresh_token&redirect_uri=&refresh_token=${encodeURIComponent(first.refresh_token)}`);
    expect(t.stored().access_token).toBe(next.access_token);
    expect(t.stored().refresh_token).toBe(next.refresh_token); // rotated by the server
  });

  test('expired access token + valid refresh token → refresh succeeds and the new token works', async () => {
    const client = t.client();
    await login(client);
    expireStoredState();
    await t.advanceClock(7300 * 1000); // the server, too, now considers the old access token expired
    try {
      const [gated] = await client.getUserInfo();
      expectReadableError(gated, 'login_expired');
      const [err, state] = await client.refreshToken();
      expect(err).toBeNull();
      expect(state.expires_at).toBeGreaterThan(Date.now());
      const [profileErr, user] = await client.getUserInfo();
      expect(profileErr).toBeNull();
      expect(user.username).toBe('demo');
    } finally {
      await t.advanceClock(-7300 * 1000);
    }
  });

  test('10 concurrent refreshToken() calls → exactly 1 request, all get the same tokens', async () => {
    const client = t.client();
    await login(client);
    t.mark();
    const results = await Promise.all(Array.from({ length: 10 }, () => client.refreshToken()));
    expect(t.sent('/oidc/token')).toHaveLength(1);
    for (const [err, state] of results) {
      expect(err).toBeNull();
      expect(state.access_token).toBe(results[0][1].access_token);
    }
    expect(results[0][1]).not.toBe(results[1][1]); // each caller gets its own copy
    // After it settled, a new call makes a new request.
    await client.refreshToken();
    expect(t.sent('/oidc/token')).toHaveLength(2);
  });

  test('an answer without refresh_token keeps the stored one', async () => {
    // A server that does not rotate refresh tokens: the devserver's real answer, minus refresh_token.
    const base = core.createWechatPlatform(t.wx);
    const platform = {
      ...base,
      request: async (req) => {
        const res = await base.request(req);
        if (req.url.endsWith('/oidc/token') && res.data && typeof res.data === 'object') delete res.data.refresh_token;
        return res;
      },
    };
    const client = t.client({ platform });
    const [, first] = await login(client);
    const [err, next] = await client.refreshToken();
    expect(err).toBeNull();
    expect(next.refresh_token).toBe(first.refresh_token);
    expect(t.stored().refresh_token).toBe(first.refresh_token);
    expect(t.stored().access_token).toBe(next.access_token);
  });

  test('failure (refresh token already used) → refresh_expired with the OIDC error; state untouched', async () => {
    const client = t.client();
    const [, first] = await login(client);
    // Use the refresh token once out-of-band: the server rotates it, the stored one is now dead.
    await t.api('POST', '/oidc/token', `grant_type=refresh_token&refresh_token=${first.refresh_token}`, { 'content-type': 'application/x-www-form-urlencoded', 'x-authing-app-id': t.config.appId });
    const before = t.stored();
    const [err, data] = await client.refreshToken();
    expect(data).toBeUndefined();
    expectReadableError(err, 'refresh_expired');
    expect(err.error).toBe('invalid_grant');
    expect(err.message).toBe(err.error_description);
    expect(err.statusCode).toBe(400);
    expect(t.stored()).toEqual(before);
  });

  test('no state → not_logged_in; no refresh_token → refresh_expired; neither makes a request', async () => {
    const client = t.client();
    const [a] = await client.refreshToken();
    expectReadableError(a, 'not_logged_in');
    await login(client, { scope: 'openid profile' });
    t.mark();
    const [b] = await client.refreshToken();
    expectReadableError(b, 'refresh_expired');
    expect(t.sent()).toHaveLength(0);
  });

  test('network failure → network error, state untouched', async () => {
    const client = t.client();
    await login(client);
    const before = t.stored();
    await t.fault({ path: '/oidc/token', kind: 'reset', count: 1 });
    const [err] = await client.refreshToken();
    expectReadableError(err, 'network');
    expect(t.stored()).toEqual(before);
  });
});

describe('logout', () => {
  test('revokes access and refresh tokens (form client_id + token, header F only), then clears', async () => {
    const client = t.client();
    const [, state] = await login(client);
    t.mark();
    expect(await client.logout()).toEqual([null, true]);
    const reqs = t.sent('/oidc/token/revocation');
    expect(reqs.map(bodyOf)).toEqual([
      { client_id: t.config.appId, token: state.access_token },
      { client_id: t.config.appId, token: state.refresh_token },
    ]);
    for (const req of reqs) {
      expectSdkHeaders(req);
      expectContractHeaders(req, { F: true }, t.config);
    }
    expect(t.stored()).toBeUndefined();
    const profile = await t.api('GET', '/api/v3/get-profile', undefined, { authorization: state.access_token, 'x-authing-userpool-id': t.config.userPoolId });
    expect(profile.json.apiCode).toBe(2022); // revoked
  });

  test('without offline_access only the access token is revoked (the seed request)', async () => {
    const client = t.client();
    const [, state] = await login(client, { scope: 'openid profile' });
    t.mark();
    expect(await client.logout()).toEqual([null, true]);
    expect(t.sent().map((r) => [r.path, bodyOf(r).token])).toEqual([['/oidc/token/revocation', state.access_token]]);
  });

  test('access token expired locally: only the refresh token (which outlives it) is revoked', async () => {
    const client = t.client();
    const [, state] = await login(client);
    expireStoredState();
    t.mark();
    expect(await client.logout()).toEqual([null, true]);
    expect(t.sent().map((r) => bodyOf(r).token)).toEqual([state.refresh_token]);
    const [refreshErr] = await client.refreshToken();
    expectReadableError(refreshErr, 'not_logged_in');
    const reuse = await t.api('POST', '/oidc/token', `grant_type=refresh_token&refresh_token=${state.refresh_token}`, { 'content-type': 'application/x-www-form-urlencoded', 'x-authing-app-id': t.config.appId });
    expect(reuse.json.error).toBe('invalid_grant');
  });

  test('not logged in → [null, true] without a request', async () => {
    expect(await t.client().logout()).toEqual([null, true]);
    expect(t.sent()).toHaveLength(0);
  });

  test('only a 2xx revokes (RFC 7009): network failure, HTML 500 and an error envelope keep the state; then a 200 clears it', async () => {
    const client = t.client();
    await login(client);
    const before = JSON.stringify(t.stored());
    await t.fault({ path: '/oidc/token/revocation', kind: 'reset', count: 1 });
    const [netErr] = await client.logout();
    expectReadableError(netErr, 'network');
    expect(JSON.stringify(t.stored())).toBe(before);
    await t.fault({ path: '/oidc/token/revocation', kind: 'html500', count: 1 });
    const [httpErr] = await client.logout();
    expectReadableError(httpErr, 'http');
    expect(JSON.stringify(t.stored())).toBe(before);
    await t.fault({ path: '/oidc/token/revocation', kind: 'envelope', count: 1 });
    const [serverErr] = await client.logout();
    expectReadableError(serverErr, 'server');
    expect(JSON.stringify(t.stored())).toBe(before);
    // An empty 200 (what RFC 7009 servers send) is a successful revocation.
    await t.fault({ path: '/oidc/token/revocation', kind: 'empty', count: 2 });
    expect(await client.logout()).toEqual([null, true]);
    expect(t.stored()).toBeUndefined();
  });
});
