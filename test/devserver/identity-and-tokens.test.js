/** @jest-environment node */
// Identity hardening: look-alike usernames are one account, JWT signatures have one spelling,
// a revoked token stays revoked whatever the dev clock does.
const { DEMO, jwtPayload, useServer } = require('./helpers');

const c = useServer();
const PW = 'Same@123456';
const register = (username) => c.passwordLogin({ username, password: PW }, { autoRegister: true });
const userIdOf = async (r) => jwtPayload(r.json.data.access_token).sub;

describe('usernames: one account per name however it is spelled', () => {
  beforeAll(async () => { expect((await register('alice')).status).toBe(200); });

  test.each([
    ['full-width letters', 'ａｌｉｃｅ'],
    ['a zero-width space', 'al\u200Bice'],
    ['a zero-width joiner and a BOM', '\uFEFFali\u200Dce'],
    ['another case', 'ALICE'],
    ['surrounding spaces', '  alice '],
  ])('%s finds the same account', async (_n, spelling) => {
    const original = await userIdOf(await c.passwordLogin({ username: 'alice', password: PW }));
    const lookalike = await c.passwordLogin({ username: spelling, password: PW }, { autoRegister: true });
    expect(lookalike.status).toBe(200);
    expect(await userIdOf(lookalike)).toBe(original);
  });

  test('composed and decomposed accents are one name (NFC / NFD)', async () => {
    const nfc = await register('jos\u00E9');
    const nfd = await c.passwordLogin({ username: 'jose\u0301', password: PW }, { autoRegister: true });
    expect(await userIdOf(nfd)).toBe(await userIdOf(nfc));
  });

  test('a name mixing Latin with Cyrillic or Greek look-alikes is refused (400 / 1002)', async () => {
    for (const name of ['p\u0430ypal', 'dem\u043E', 'b\u03BFb']) { // Cyrillic а, Cyrillic о, Greek ο
      const r = await register(name);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ apiCode: 1002, message: expect.stringMatching(/Cyrillic or Greek/) });
    }
    expect((await register('\u0438\u0432\u0430\u043D')).status).toBe(200); // all-Cyrillic is a name like any other
    expect((await register('张san')).status).toBe(200); // Han with Latin is fine
  });

  test('update-profile: a look-alike of another user\'s name → 2026; the stored name is normalised', async () => {
    const t = (await register('carol-x')).json.data.access_token;
    const taken = await c.post('/api/v3/update-profile', { username: 'ＤＥＭＯ' }, { ...c.U, authorization: t });
    expect(taken.json.apiCode).toBe(2026);
    const ok = await c.post('/api/v3/update-profile', { username: 'ｃａｒｏｌ\u200B-y' }, { ...c.U, authorization: t });
    expect(ok.json.data.username).toBe('carol-y');
  });
});

describe('JWT signatures have exactly one accepted spelling', () => {
  test('a signature with flipped unused bits, padding or stray characters → 401 / 2023', async () => {
    const { access_token: t } = await c.loginDemo();
    const [h, p, s] = t.split('.');
    // 32 bytes = 43 base64url chars; the last char carries 4 data bits and 2 unused ones.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(s[42]);
    const sameBytes = alphabet[(last & ~3) | ((last + 1) & 3)];
    const variants = [`${s.slice(0, 42)}${sameBytes}`, `${s}=`, `${s}==`, `${s.slice(0, 20)}!${s.slice(20)}`, `${s.slice(0, 20)}*${s.slice(20)}`];
    for (const sig of variants) {
      expect(Buffer.from(sig, 'base64url').equals(Buffer.from(s, 'base64url'))).toBe(true); // same bytes…
      const r = await c.profile(`${h}.${p}.${sig}`);
      expect(r.status).toBe(401); // …refused all the same
      expect(r.json.apiCode).toBe(2023);
    }
    expect((await c.profile(t)).status).toBe(200);
  });
});

describe('a revoked token stays revoked', () => {
  const revoke = (token) => c.form('/oidc/token/revocation', { client_id: c.srv.config.appId, token });

  test('after the revocation list is pruned (clock past the expiry, then back) it is still refused', async () => {
    const { access_token: t } = await c.loginDemo();
    await revoke(t);
    expect((await c.profile(t)).json.apiCode).toBe(2022);
    await c.advanceClock(7201 * 1000); // past exp by the server clock
    await c.loginDemo(); // issuing tokens prunes the list
    expect((await c.profile(t)).json.apiCode).toBe(2021);
    await c.advanceClock(-7201 * 1000); // the clock comes back: the token is within its lifetime again
    await c.loginDemo();
    expect((await c.profile(t)).json.apiCode).toBe(2022);
  });

  test('other logins (which prune) never revive a revoked token within its lifetime', async () => {
    const { access_token: t } = await c.loginDemo();
    await revoke(t);
    for (let i = 0; i < 3; i += 1) {
      await c.loginDemo();
      await c.advanceClock(1000);
    }
    expect((await c.profile(t)).json.apiCode).toBe(2022);
  });

  test('the demo user still logs in', async () => {
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
  });
});
