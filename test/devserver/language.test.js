/** @jest-environment node */
// The devserver answers in the request's language, as Authing does: x-authing-lang zh-CN (the
// default) or en-US, one language per message, apiCodes unchanged.
const { DEMO, useServer } = require('./helpers');

const c = useServer();
const CJK = /[\u4e00-\u9fff]/;

/** Requests that fail in different parts of the server (validation, auth, codes, OIDC, routing). */
const FAILURES = [
  ['wrong password', () => ['POST', '/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { account: 'lang-nobody', password: 'x1234567' } }, 'A'], 2333],
  ['missing field', () => ['POST', '/api/v3/signin', { connection: 'PASSWORD' }, 'A'], 1002],
  ['missing header', () => ['POST', '/api/v3/send-sms', { phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' }], 1005],
  ['bad phone', () => ['POST', '/api/v3/send-sms', { phoneNumber: '123', channel: 'CHANNEL_LOGIN' }, 'U'], 3101],
  ['no token', () => ['GET', '/api/v3/get-profile', undefined, 'U'], 2020],
  ['unknown path', () => ['GET', '/api/v3/nothing'], 1004],
  ['wrong method', () => ['GET', '/api/v3/signin'], 1007],
  ['bad JSON', () => ['POST', '/api/v3/signin', '{"x":', 'A'], 1001],
  ['wrong passcode', () => ['POST', '/api/v3/signin', { connection: 'PASSCODE', passCodePayload: { phone: DEMO.phone, passCode: '000000' } }, 'A'], 2001],
];

/** lang null: no x-authing-lang header at all. */
async function send([method, path, body, hdr], lang) {
  const headers = { ...(hdr ? c[hdr] : {}) };
  if (lang !== null) headers['x-authing-lang'] = lang;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(c.srv.url + path, { method, headers, body: typeof body === 'string' ? body : body && JSON.stringify(body) });
  return { json: await res.json() };
}

describe.each(FAILURES)('%s', (_n, make, apiCode) => {
  test('zh-CN by default and on request, en-US on request; never both; same apiCode', async () => {
    const noHeader = await send(make(), null);
    const zh = await send(make(), 'zh-CN');
    const en = await send(make(), 'en-US');
    for (const r of [noHeader, zh, en]) expect(r.json.apiCode).toBe(apiCode);
    expect(zh.json.message).toMatch(CJK);
    expect(noHeader.json.message).toMatch(CJK);
    expect(en.json.message).not.toMatch(CJK);
    expect(zh.json.message).not.toMatch(/ \/ /);
    expect(en.json.message.length).toBeGreaterThan(5);
  });
});

test('success messages and OIDC error_description follow the language too', async () => {
  const zh = await send(['POST', '/api/v3/send-sms', { phoneNumber: '13900009999', channel: 'CHANNEL_LOGIN' }, 'U'], 'zh-CN');
  expect(zh.json).toMatchObject({ statusCode: 200, message: '发送成功' });
  const oidcZh = await c.form('/oidc/token', { grant_type: 'refresh_token', refresh_token: 'nope' }, { ...c.A, 'x-authing-lang': 'zh-CN' });
  const oidcEn = await c.form('/oidc/token', { grant_type: 'refresh_token', refresh_token: 'nope' }, { ...c.A, 'x-authing-lang': 'en-US' });
  expect(oidcZh.json).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(CJK) });
  expect(oidcEn.json).toMatchObject({ error: 'invalid_grant', error_description: expect.not.stringMatching(CJK) });
});

test.each(['en', 'EN-us', 'en_US'])('%s counts as en-US; anything else as zh-CN', async (lang) => {
  expect((await c.get('/api/v3/nothing', { 'x-authing-lang': lang })).json.message).not.toMatch(CJK);
  expect((await c.get('/api/v3/nothing', { 'x-authing-lang': 'fr-FR' })).json.message).toMatch(CJK);
});
