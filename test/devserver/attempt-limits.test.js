/** @jest-environment node */
// Authing's attempt limits, emulated: tries left (remainCount), a captcha after repeated wrong
// passwords (V3 token captcha), a lock after more, per-code attempt limits for SMS / email codes.
const { DEMO, useServer, start, client } = require('./helpers');

// Defaults: captcha after 3 failures for an account, lock after 5 for 600 s, 5 tries per code.
const c = useServer({ clientCaptchaAfter: 0 });

let seq = 0;
/** A fresh password account (autoRegister). */
async function account(password = 'Right@123456') {
  const username = `guard-${++seq}`;
  expect((await c.passwordLogin({ username, password }, { autoRegister: true })).status).toBe(200);
  return { username, password };
}

const wrong = (username, options) => c.passwordLogin({ username, password: 'Wrong@000000' }, options);

async function captcha() {
  const r = await c.get('/api/v3/get-captcha-code', c.A);
  expect(r.status).toBe(200);
  const { captchaToken, captchaCodeSvg } = r.json.data;
  const solved = (await c.get(`/__dev/captcha?token=${encodeURIComponent(captchaToken)}`)).json.code;
  return { captchaToken, captchaCodeSvg, code: solved };
}

describe('tries left and the lock', () => {
  test('each wrong password says how many tries are left; the 5th locks the account (2057, unlock time)', async () => {
    const { username, password } = await account();
    expect((await wrong(username)).json).toMatchObject({ apiCode: 2333, data: { remainCount: 4 } });
    expect((await wrong(username)).json).toMatchObject({ apiCode: 2333, data: { remainCount: 3 } });
    expect((await wrong(username)).json).toMatchObject({ apiCode: 2333, data: { remainCount: 2 } });
    // From the 3rd failure on, a captcha is needed for every try.
    let cap = await captcha();
    expect((await wrong(username, { captchaCode: cap.code, captchaToken: cap.captchaToken })).json)
      .toMatchObject({ apiCode: 2333, data: { remainCount: 1 }, message: expect.stringMatching(/1 try left/) });
    cap = await captcha();
    const locked = await wrong(username, { captchaCode: cap.code, captchaToken: cap.captchaToken });
    expect(locked.status).toBe(403);
    const now = c.srv.now();
    expect(locked.json).toMatchObject({ statusCode: 403, apiCode: 2057, data: { retryAfter: 600, unlockTime: expect.any(Number) } });
    expect(Math.abs(locked.json.data.unlockTime - (now + 600000))).toBeLessThan(2000);
    expect(locked.headers.get('retry-after')).toBe('600');
    expect(locked.json.message).toMatch(/locked.*10 minutes/);
    // The right password does not get in while locked (no captcha asked: the lock comes first).
    const still = await c.passwordLogin({ username, password });
    expect(still.json).toMatchObject({ apiCode: 2057 });
    await c.advanceClock(599 * 1000);
    expect((await c.passwordLogin({ username, password })).json.apiCode).toBe(2057);
    await c.advanceClock(2 * 1000);
    // Unlocked, with a clean count: no captcha needed, full tries.
    expect((await c.passwordLogin({ username, password })).status).toBe(200);
    expect((await wrong(username)).json.data).toEqual({ remainCount: 4 });
  });

  test('a success clears the count', async () => {
    const { username, password } = await account();
    await wrong(username);
    await wrong(username);
    expect((await c.passwordLogin({ username, password })).status).toBe(200);
    expect((await wrong(username)).json.data).toEqual({ remainCount: 4 });
  });

  test('failures older than failureWindow are forgotten', async () => {
    const { username } = await account();
    await wrong(username);
    await wrong(username);
    await c.advanceClock(3601 * 1000);
    expect((await wrong(username)).json.data).toEqual({ remainCount: 4 });
  });

  test('the same account by username, email or phone shares one count', async () => {
    const email = `guard-${++seq}@example.com`;
    expect((await c.passwordLogin({ email, password: 'Right@123456' }, { autoRegister: true })).status).toBe(200);
    expect((await c.passwordLogin({ email, password: 'nope-nope' })).json.data).toEqual({ remainCount: 4 });
    expect((await c.passwordLogin({ account: email.toUpperCase(), password: 'nope-nope' })).json.data).toEqual({ remainCount: 3 });
  });

  test('an unknown account is answered exactly like a known one (no enumeration)', async () => {
    const ghost = `ghost-${++seq}`;
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await wrong(ghost)).json);
    expect(answers.map((a) => [a.apiCode, a.data])).toEqual([[2333, { remainCount: 4 }], [2333, { remainCount: 3 }], [2333, { remainCount: 2 }]]);
    expect((await wrong(ghost)).json.apiCode).toBe(2000);
  });
});

describe('captcha (V3 token captcha)', () => {
  test('get-captcha-code: header A, an SVG and a token, no cookie', async () => {
    const r = await c.get('/api/v3/get-captcha-code', c.A);
    expect(r.json).toMatchObject({ statusCode: 200, data: { captchaCodeSvg: expect.stringMatching(/^<svg[\s\S]*<\/svg>$/), captchaToken: expect.any(String) } });
    expect(r.headers.get('set-cookie')).toBeNull();
    expect((await c.get('/api/v3/get-captcha-code')).json.apiCode).toBe(1005);
  });

  test('after 3 failures: none → 2000; wrong → 2001 and the image is used up; right (any case) + right password → in', async () => {
    const { username, password } = await account();
    for (let i = 0; i < 3; i += 1) await wrong(username);
    const need = await c.passwordLogin({ username, password });
    expect(need.json).toMatchObject({ statusCode: 400, apiCode: 2000, message: expect.stringMatching(/captcha/) });
    const first = await captcha();
    const bad = await c.passwordLogin({ username, password }, { captchaCode: 'ZZZZ9', captchaToken: first.captchaToken });
    expect(bad.json).toMatchObject({ apiCode: 2001, message: expect.stringMatching(/captcha code is incorrect/) });
    // One use: the right code on the same token is refused now; the client loads a new image.
    const reuse = await c.passwordLogin({ username, password }, { captchaCode: first.code, captchaToken: first.captchaToken });
    expect(reuse.json).toMatchObject({ apiCode: 2001, message: expect.stringMatching(/expired or was already used/) });
    const second = await captcha();
    const ok = await c.passwordLogin({ username, password }, { captchaCode: second.code.toLowerCase(), captchaToken: second.captchaToken });
    expect(ok.status).toBe(200);
    // The captcha was not counted as a password failure, and the success cleared the count.
    expect((await wrong(username)).json.data).toEqual({ remainCount: 4 });
  });

  test('captchaCode without captchaToken → 400 / 1002; an expired captcha → 2001', async () => {
    const { username, password } = await account();
    for (let i = 0; i < 3; i += 1) await wrong(username);
    const cap = await captcha();
    expect((await c.passwordLogin({ username, password }, { captchaCode: cap.code })).json)
      .toMatchObject({ apiCode: 1002, message: expect.stringMatching(/captchaToken/) });
    await c.advanceClock(301 * 1000);
    expect((await c.passwordLogin({ username, password }, { captchaCode: cap.code, captchaToken: cap.captchaToken })).json.apiCode).toBe(2001);
  });

  test('per client: after clientCaptchaAfter failures from one address, any account needs a captcha', async () => {
    const srv = await start({ clientCaptchaAfter: 3, captchaAfter: 0 });
    try {
      const c2 = client(srv);
      for (const name of ['a1', 'a2', 'a3']) {
        expect((await c2.passwordLogin({ username: name, password: 'Wrong@0000' })).json.apiCode).toBe(2333);
      }
      expect((await c2.passwordLogin({ account: DEMO.username, password: DEMO.password })).json.apiCode).toBe(2000);
      const token = (await c2.get('/api/v3/get-captcha-code', c2.A)).json.data.captchaToken;
      const code = (await c2.get(`/__dev/captcha?token=${token}`)).json.code;
      expect((await c2.passwordLogin({ account: DEMO.username, password: DEMO.password }, { captchaCode: code, captchaToken: token })).status).toBe(200);
      // A success from the client clears its count.
      expect((await c2.passwordLogin({ username: 'a4', password: 'Wrong@0000' })).json.apiCode).toBe(2333);
    } finally {
      await srv.close();
    }
  });

  test('0 turns the captcha and the lock off: wrong passwords only ever get 2333 without data', async () => {
    const srv = await start({ captchaAfter: 0, clientCaptchaAfter: 0, lockoutAfter: 0 });
    try {
      const c2 = client(srv);
      for (let i = 0; i < 8; i += 1) {
        const r = await c2.passwordLogin({ account: DEMO.username, password: 'Wrong@0000' });
        expect(r.json.apiCode).toBe(2333);
        expect(r.json.data).toBeUndefined();
      }
      expect((await c2.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
    } finally {
      await srv.close();
    }
  });
});

describe('SMS / email codes: a limited number of wrong tries per code', () => {
  test('5 wrong codes void the code: the right one is then refused, a new code works', async () => {
    const phone = '13700000123';
    const send = () => c.post('/api/v3/send-sms', { phoneNumber: phone, channel: 'CHANNEL_LOGIN' }, c.U);
    const login = (passCode) => c.post('/api/v3/signin', { connection: 'PASSCODE', passCodePayload: { phone, passCode }, options: { autoRegister: true } }, c.A);
    expect((await send()).status).toBe(200);
    const code = (await c.get(`/__dev/sms/latest?phone=${phone}`)).json.code;
    const wrongCode = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i += 1) expect((await login(wrongCode)).json.apiCode).toBe(2001);
    const refused = await login(code);
    expect(refused.json).toMatchObject({ apiCode: 2001, message: expect.stringMatching(/too many times; request a new one/) });
    await c.advanceClock(60 * 1000);
    expect((await send()).status).toBe(200);
    const fresh = (await c.get(`/__dev/sms/latest?phone=${phone}`)).json.code;
    expect((await login(fresh)).status).toBe(200);
  });

  test('4 wrong codes leave the code usable (the limit is configurable)', async () => {
    const srv = await start({ passcodeMaxAttempts: 2 });
    try {
      const c2 = client(srv);
      const email = 'tries@example.com';
      await c2.post('/api/v3/send-email', { email, channel: 'CHANNEL_LOGIN' }, c2.U);
      const code = (await c2.get(`/__dev/email/latest?email=${email}`)).json.code;
      const login = (passCode) => c2.post('/api/v3/signin', { connection: 'PASSCODE', passCodePayload: { email, passCode }, options: { autoRegister: true } }, c2.A);
      expect((await login(code === '111111' ? '222222' : '111111')).json.apiCode).toBe(2001);
      expect((await login(code)).status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  test('the email cooldown holds for another spelling of the address (case, trailing dot, full-width @)', async () => {
    const send = (email, channel) => c.post('/api/v3/send-email', { email, channel }, c.U);
    expect((await send('Cool.Down@Example.com', 'CHANNEL_LOGIN')).status).toBe(200);
    for (const spelling of ['cool.down@example.com.', 'COOL.DOWN@EXAMPLE.COM', 'cool.down＠example.com']) {
      const r = await send(spelling, 'CHANNEL_RESET_PASSWORD');
      expect(r.status).toBe(429);
      expect(r.json.apiCode).toBe(3103);
    }
  });
});
