// Logout cannot be undone by a refresh (answer arriving after it, or one started during it), logout's
// revocations go out together, and two Authing objects on one stored state never strand each other.
const { core, DEMO, setup, bodyOf, expectReadableError } = require('../support');
const { until } = require('../../helpers/until');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); await t.dev.del('/__dev/faults'); });

const OFFLINE = { scope: 'openid profile offline_access' };
const login = (client) => client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: OFFLINE });
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'x-authing-app-id': () => t.config.appId };

/** What the server says of a refresh token now: 200 (still works) or 400 invalid_grant. */
async function refreshStatus(refreshToken) {
  const res = await t.api('POST', '/oidc/token', `grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`,
    { 'content-type': FORM['content-type'], 'x-authing-app-id': t.config.appId });
  return res.status;
}

/** What the server says of an access token now (get-profile status). */
async function accessStatus(accessToken) {
  const res = await t.api('GET', '/api/v3/get-profile', undefined, { authorization: accessToken, 'x-authing-userpool-id': t.config.userPoolId });
  return res.status;
}

/**
 * A platform on the shared wx shim whose /oidc/token answers are held back (after the server has
 * answered) until `release()`; `answers` collects what the server sent.
 */
function heldRefreshPlatform() {
  const base = core.createWechatPlatform(t.wx);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const answers = [];
  const platform = {
    ...base,
    request: async (req) => {
      const res = await base.request(req);
      if (req.url.endsWith('/oidc/token')) {
        answers.push(res.data);
        await gate;
      }
      return res;
    },
  };
  return { platform, answers, release: () => release() };
}

describe('logout cannot be undone', () => {
  test('a refresh answered after logout() returned stores nothing, reports not_logged_in, and its new tokens are revoked', async () => {
    const held = heldRefreshPlatform();
    const client = t.client({ platform: held.platform });
    const [, first] = await login(client);
    const refreshing = client.refreshToken();
    await until(() => held.answers.length === 1, 'the refresh answer');
    expect(await client.logout()).toEqual([null, true]);
    expect(t.stored()).toBeUndefined();
    held.release();
    const [err, data] = await refreshing;
    expect(data).toBeUndefined();
    expectReadableError(err, 'not_logged_in');
    expect(t.stored()).toBeUndefined();
    const fresh = held.answers[0];
    expect(fresh.refresh_token).toBeTruthy();
    expect(fresh.refresh_token).not.toBe(first.refresh_token);
    expect(await refreshStatus(fresh.refresh_token)).toBe(400);
    expect(await accessStatus(fresh.access_token)).toBe(401);
    // Nothing the user held before works either.
    expect(await refreshStatus(first.refresh_token)).toBe(400);
  });

  test('a refresh started while the revocations are on the wire sends no refresh and leaves no valid token', async () => {
    const client = t.client();
    const [, first] = await login(client);
    await t.fault({ path: '/oidc/token/revocation', kind: 'delay', delayMs: 300, count: 2 });
    t.mark();
    const loggingOut = client.logout();
    await until(() => t.sent('/oidc/token/revocation').length >= 1, 'a revocation on the wire');
    const [err] = await client.refreshToken();
    expectReadableError(err, 'not_logged_in');
    expect(await loggingOut).toEqual([null, true]);
    expect(t.sent('/oidc/token')).toHaveLength(0);
    expect(t.stored()).toBeUndefined();
    expect(await refreshStatus(first.refresh_token)).toBe(400);
  });

  test('a refresh from ANOTHER Authing on the same storage, answered after logout, is not stored either', async () => {
    const held = heldRefreshPlatform();
    const other = t.client({ platform: held.platform });
    const client = t.client();
    await login(client);
    const refreshing = other.refreshToken();
    await until(() => held.answers.length === 1, 'the refresh answer');
    expect(await client.logout()).toEqual([null, true]);
    held.release();
    expectReadableError((await refreshing)[0], 'not_logged_in');
    expect(t.stored()).toBeUndefined();
    expect(await refreshStatus(held.answers[0].refresh_token)).toBe(400);
  });

  test('a logout that FAILED does not discard the refresh answer: the state stays usable (kept unless revoked)', async () => {
    const held = heldRefreshPlatform();
    const client = t.client({ platform: held.platform });
    await login(client);
    const refreshing = client.refreshToken();
    await until(() => held.answers.length === 1, 'the refresh answer');
    await t.fault({ path: '/oidc/token/revocation', kind: 'html500', count: 2 });
    expectReadableError((await client.logout())[0], 'http');
    held.release();
    const [err, next] = await refreshing;
    expect(err).toBeNull();
    expect(t.stored().refresh_token).toBe(next.refresh_token);
    expect(next.refresh_token).toBe(held.answers[0].refresh_token);
  });

  test('two overlapping logouts: while the later one is on the wire, a refresh sends nothing, even after the earlier one finished and a new login was stored', async () => {
    const client = t.client();
    await login(client);
    // The first logout's two revocations answer after 400 ms, the second's after 4 s (faults are consumed in order).
    await t.fault({ path: '/oidc/token/revocation', kind: 'delay', delayMs: 400, count: 2 });
    await t.fault({ path: '/oidc/token/revocation', kind: 'delay', delayMs: 4000, count: 2 });
    t.mark();
    const first = client.logout();
    await until(() => t.sent('/oidc/token/revocation').length === 2, "the first logout's revocations");
    const second = client.logout();
    await until(() => t.sent('/oidc/token/revocation').length === 4, "the second logout's revocations");
    expect(await first).toEqual([null, true]);
    const [loginErr, fresh] = await login(client);
    expect(loginErr).toBeNull();
    t.mark();
    const [err] = await client.refreshToken();
    expectReadableError(err, 'not_logged_in');
    expect(t.sent('/oidc/token')).toHaveLength(0);
    // The later logout still ends the session, the login stored meanwhile included.
    expect(await second).toEqual([null, true]);
    expect(t.stored()).toBeUndefined();
    expect(await refreshStatus(fresh.refresh_token)).toBe(400);
  });
});

describe('logout sends both revocations concurrently', () => {
  test('both revocation requests are in flight at once; the state is cleared only when both succeeded', async () => {
    const base = core.createWechatPlatform(t.wx);
    let inFlight = 0;
    let most = 0;
    const platform = {
      ...base,
      request: async (req) => {
        const revocation = req.url.endsWith('/oidc/token/revocation');
        if (revocation) most = Math.max(most, ++inFlight);
        try { return await base.request(req); } finally { if (revocation) inFlight--; }
      },
    };
    const client = t.client({ platform });
    const [, state] = await login(client);
    await t.fault({ path: '/oidc/token/revocation', kind: 'delay', delayMs: 200, count: 2 });
    t.mark();
    expect(await client.logout()).toEqual([null, true]);
    expect(most).toBe(2);
    expect(t.sent('/oidc/token/revocation').map((r) => bodyOf(r).token).sort()).toEqual([state.access_token, state.refresh_token].sort());
    expect(t.stored()).toBeUndefined();
  });

  test('an empty token in the stored state is not sent for revocation: only the access token goes out', async () => {
    const client = t.client();
    const [, state] = await login(client);
    expect((await client.saveLoginState({ ...state, refresh_token: '' }))[0]).toBeNull();
    expect(t.stored().refresh_token).toBe('');
    t.mark();
    expect(await client.logout()).toEqual([null, true]);
    expect(t.sent('/oidc/token/revocation').map((r) => bodyOf(r).token)).toEqual([state.access_token]);
    expect(t.stored()).toBeUndefined();
  });

  test('one of the two failing keeps the state (either one), a retry then clears it', async () => {
    const client = t.client();
    await login(client);
    const before = JSON.stringify(t.stored());
    for (const which of [0, 1]) {
      // The fault hits the first or the second revocation to arrive.
      if (which === 1) await t.fault({ path: '/oidc/token/revocation', kind: 'empty', count: 1 });
      await t.fault({ path: '/oidc/token/revocation', kind: 'envelope', count: 1 });
      expectReadableError((await client.logout())[0], 'server');
      expect(JSON.stringify(t.stored())).toBe(before);
      await t.dev.del('/__dev/faults');
    }
    expect(await client.logout()).toEqual([null, true]);
    expect(t.stored()).toBeUndefined();
  });
});

describe('two Authing objects, one appId and storage', () => {
  test('concurrent refreshes both succeed with the stored (valid) state; one refresh request per round', async () => {
    const a = t.client();
    const b = t.client();
    await login(a);
    for (let round = 0; round < 3; round++) {
      t.mark();
      const [[errA, stateA], [errB, stateB]] = await Promise.all([a.refreshToken(), b.refreshToken()]);
      expect(errA).toBeNull();
      expect(errB).toBeNull();
      expect(stateA.refresh_token).toBe(t.stored().refresh_token);
      expect(stateB.refresh_token).toBe(t.stored().refresh_token);
      expect(t.sent('/oidc/token')).toHaveLength(1);
      expect(await accessStatus(t.stored().access_token)).toBe(200);
    }
  });

  test('a second copy of the kit (no shared module state) that loses the race re-reads storage instead of reporting refresh_expired', async () => {
    let otherCore;
    jest.isolateModules(() => { otherCore = require('../../../miniprogram_dist/index'); });
    expect(otherCore.Authing).not.toBe(core.Authing);
    const a = t.client();
    await login(a);
    let aDone;
    const base = otherCore.createWechatPlatform(t.wx);
    // The other copy's request leaves only after the first copy's refresh was stored: it presents a used token.
    const platform = { ...base, request: async (req) => { if (req.url.endsWith('/oidc/token')) await aDone; return base.request(req); } };
    const b = new otherCore.Authing({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: t.srv.url, platform });
    t.mark();
    const bResult = b.refreshToken();
    aDone = a.refreshToken();
    const [[errA, stateA], [errB, stateB]] = await Promise.all([aDone, bResult]);
    expect(errA).toBeNull();
    expect(errB).toBeNull();
    expect(stateB.refresh_token).toBe(stateA.refresh_token);
    expect(t.stored().refresh_token).toBe(stateA.refresh_token);
    expect(t.sent('/oidc/token')).toHaveLength(2); // the loser's request did go out and was refused
  });
});
