/** @jest-environment node */
// /oidc/token (refresh_token grant with rotation), /oidc/token/revocation, and how
// access tokens are checked on protected endpoints (expiry, revocation, tampering).
const { DEMO, jwtPayload, start, client, useServer } = require('./helpers');

const c = useServer();

const refresh = (refreshToken, headers) => c.form('/oidc/token',
  { grant_type: 'refresh_token', redirect_uri: '', refresh_token: refreshToken }, headers ?? c.A);
const revoke = (token, clientId = c.srv.config.appId) => c.form('/oidc/token/revocation', { client_id: clientId, token });

describe('refresh tokens', () => {
  test('no offline_access → no refresh_token, and a made-up one is invalid_grant', async () => {
    const data = await c.loginDemo();
    expect(data.refresh_token).toBeUndefined();
    const r = await refresh('made-up-refresh-token');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
  });

  test('missing refresh_token → invalid_grant', async () => {
    const r = await c.form('/oidc/token', { grant_type: 'refresh_token' }, c.A);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_grant');
  });

  test('with offline_access: refresh returns an OIDC body and rotates the refresh token', async () => {
    const login = await c.loginDemo('openid profile offline_access');
    expect(login.refresh_token).toEqual(expect.any(String));
    const r = await refresh(login.refresh_token);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(r.json).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type']);
    expect(r.json).toMatchObject({ token_type: 'Bearer', expires_in: 7200, scope: 'openid profile offline_access' });
    expect(r.json.refresh_token).not.toBe(login.refresh_token);
    expect(jwtPayload(r.json.access_token).sub).toBe(jwtPayload(login.access_token).sub);
    expect((await c.profile(r.json.access_token)).status).toBe(200);

    // The old refresh token was revoked by the rotation; the new one works once.
    const old = await refresh(login.refresh_token);
    expect(old.status).toBe(400);
    expect(old.json.error).toBe('invalid_grant');
    const next = await refresh(r.json.refresh_token);
    expect(next.status).toBe(200);
  });

  test('client_id in the body identifies the app when the header is absent', async () => {
    const login = await c.loginDemo('openid offline_access');
    const r = await c.form('/oidc/token', { grant_type: 'refresh_token', refresh_token: login.refresh_token, client_id: c.srv.config.appId });
    expect(r.status).toBe(200);
  });

  test('no client / unknown client / unsupported grant', async () => {
    const login = await c.loginDemo('openid offline_access');
    const none = await refresh(login.refresh_token, {});
    expect(none.status).toBe(401);
    expect(none.json.error).toBe('invalid_client');
    const other = await refresh(login.refresh_token, { 'x-authing-app-id': 'someone-else' });
    expect(other.json).toMatchObject({ error: 'invalid_client', error_description: expect.stringContaining('someone-else') });
    const grant = await c.form('/oidc/token', { grant_type: 'password', username: 'demo' }, c.A);
    expect(grant.status).toBe(400);
    expect(grant.json.error).toBe('unsupported_grant_type');
    // The failed attempts did not burn the token.
    expect((await refresh(login.refresh_token)).status).toBe(200);
  });

  test('an expired refresh token is invalid_grant', async () => {
    const login = await c.loginDemo('openid offline_access');
    await c.advanceClock(c.srv.config.refreshTokenTtl * 1000 + 1000);
    const r = await refresh(login.refresh_token);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
  });

  test('a revoked refresh token is invalid_grant', async () => {
    const login = await c.loginDemo('openid offline_access');
    const rv = await revoke(login.refresh_token);
    expect(rv.status).toBe(200);
    expect(rv.text).toBe('');
    expect((await refresh(login.refresh_token)).json.error).toBe('invalid_grant');
  });
});

describe('access tokens on protected endpoints', () => {
  test('raw token and Bearer token are both accepted', async () => {
    const { access_token: t } = await c.loginDemo();
    expect((await c.profile(t)).status).toBe(200);
    expect((await c.profile(`Bearer ${t}`)).status).toBe(200);
  });

  test('missing Authorization → 401 apiCode 2020', async () => {
    const r = await c.get('/api/v3/get-profile', c.U);
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ statusCode: 401, apiCode: 2020, requestId: expect.any(String) });
  });

  test('an expired access token → 401 "token expired"', async () => {
    const { access_token: t } = await c.loginDemo();
    await c.advanceClock(7200 * 1000 - 5000);
    expect((await c.profile(t)).status).toBe(200);
    await c.advanceClock(6000);
    const r = await c.profile(t);
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ apiCode: 2021, message: expect.stringMatching(/expired/) });
  });

  test('a revoked access token → 401; other tokens are unaffected', async () => {
    const a = await c.loginDemo();
    const b = await c.loginDemo();
    const rv = await revoke(a.access_token);
    expect(rv.status).toBe(200);
    expect(rv.text).toBe('');
    const r = await c.profile(a.access_token);
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ apiCode: 2022, message: expect.stringMatching(/revoked/) });
    expect((await c.profile(b.access_token)).status).toBe(200);
  });

  test('revocation by another client_id revokes nothing, but still answers 200', async () => {
    const { access_token: t } = await c.loginDemo();
    const rv = await revoke(t, 'another-app');
    expect(rv.status).toBe(200);
    expect((await c.profile(t)).status).toBe(200);
  });

  test('revocation of junk answers 200 with an empty body', async () => {
    for (const token of ['junk', '', 'a.b.c']) {
      const rv = await revoke(token);
      expect(rv.status).toBe(200);
      expect(rv.text).toBe('');
    }
  });

  test('tampered, foreign and id tokens are rejected with 401 2023', async () => {
    const { access_token: t, id_token: idt } = await c.loginDemo();
    const [h, p, s] = t.split('.');
    const claims = { ...jwtPayload(t), sub: 'someone-else' };
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    const noneAlg = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${p}.`;
    for (const bad of [forged, noneAlg, idt, 'not-a-jwt', `${t}x`]) {
      const r = await c.profile(bad);
      expect(r.status).toBe(401);
      expect(r.json.apiCode).toBe(2023);
    }
  });

  test('tokens from another server instance (other secret) are rejected', async () => {
    const other = await start({ seed: true });
    try {
      const data = await client(other).loginDemo();
      expect((await c.profile(data.access_token)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  test('after all that the demo user still logs in', async () => {
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
  });
});
