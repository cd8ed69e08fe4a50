// The <authing-profile-form> flow (core/flows/profile-form-flow) without any simulator: a recording host,
// the REAL client and an isolated devserver over HTTP. Typing renders nothing, only changed fields are
// sent, validation messages come from the component's (overridable) texts, edits survive failures.
const { ProfileFlow } = require('../../helpers/kit').internal('core/flows/profile-form-flow');
const { PROFILE_TEXTS } = require('../../helpers/kit').internal('components/profile-form/texts');
const { recordingHost, useFlowServer } = require('./flow-host');

const T = PROFILE_TEXTS['zh-CN'];
const env = useFlowServer({ loggedIn: true, clearFaults: true });
const { setProfile, client } = env;
function makeFlow(fields, texts = T, c = client()) {
  const { host, rec } = recordingHost(texts, { client: c });
  return { flow: new ProfileFlow(host, fields), rec };
}
const updates = () => env.srv.requests.filter((r) => r.path === '/api/v3/update-profile');

test('load → values; typing renders nothing; a pick renders once; save sends only the changes', async () => {
  await setProfile({ nickname: 'Demo', city: 'Hangzhou', gender: 'M' });
  const { flow, rec } = makeFlow('nickname,city,gender');
  await flow.load();
  expect(rec.changes).toBe(2);
  expect(flow.values).toEqual({ nickname: 'Demo', city: 'Hangzhou', gender: 'M' });
  flow.input('nickname', 'Neo');
  flow.input('city', 'Hangzhou');
  flow.input('notAField', 'x');
  expect(rec.changes).toBe(2);
  flow.pick('gender', 'F');
  expect(rec.changes).toBe(3);
  const p = flow.save();
  expect(flow.state.saving).toBe(true);
  expect(rec.changes).toBe(4);
  await p;
  expect(rec.changes).toBe(5);
  expect(JSON.parse(updates().pop().body)).toEqual({ nickname: 'Neo', gender: 'F' });
  expect(rec.events.map((e) => e.name)).toEqual(['load', 'change', 'save']);
  expect(rec.events[2].detail.changed).toEqual(['nickname', 'gender']);
  expect(flow.state.notice).toEqual({ tone: 'success', key: 'saved' });
  // nothing changed since: nothing sent
  const count = updates().length;
  await flow.save();
  expect(updates().length).toBe(count);
  expect(flow.state.notice).toEqual({ tone: 'info', key: 'noChanges' });
});

test('validation: problems in state, messages from the texts (overridable) in `error` {action:"validate"}; nothing sent', async () => {
  const texts = { ...T, tooLong: '{field}最多 {max} 字', field_address: '住址' };
  const { flow, rec } = makeFlow('address,birthdate', texts);
  await flow.load();
  const count = updates().length;
  flow.input('address', 'x'.repeat(256));
  flow.pick('birthdate', '1990-02-30');
  await flow.save();
  expect(flow.state.errors).toEqual({ address: { key: 'tooLong', params: { field: 'address', max: 255 } }, birthdate: { key: 'invalidDate' } });
  // One display: the problems sit on their fields; no summary notice repeats them.
  expect(flow.state.notice).toBeNull();
  const err = rec.events.find((e) => e.name === 'error').detail;
  expect(err).toEqual({
    action: 'validate', code: 'invalid_argument', message: T.invalid, error: { message: T.invalid, code: 'invalid_argument' },
    fields: { address: '住址最多 255 字', birthdate: T.invalidDate },
  });
  expect(updates().length).toBe(count);
  expect(flow.values.address).toBe('x'.repeat(256));
});

test('a server failure keeps the edits: `error` {action:"save"}, saving off', async () => {
  const { flow, rec } = makeFlow('company');
  await flow.load();
  await env.dev.post('/__dev/faults', { path: '/api/v3/update-profile', kind: 'envelope', status: 500, body: 'database is down' });
  flow.input('company', 'Initech');
  await flow.save();
  const err = rec.events.find((e) => e.name === 'error').detail;
  expect(err).toEqual(expect.objectContaining({ action: 'save', code: 'server', message: '保存失败：database is down（你的修改仍保留）' }));
  expect(flow.values.company).toBe('Initech');
  expect(flow.state.saving).toBe(false);
});

test('no client → blocked with the readable text; setFields adding a field reloads it', async () => {
  const none = makeFlow('nickname', T, null);
  await none.flow.load();
  expect(none.flow.state.blocked).toBe(true);
  expect(none.rec.events[0].detail).toEqual(expect.objectContaining({ action: 'load', code: 'invalid_options', message: T.notConfigured }));

  await setProfile({ city: 'Ningbo' });
  const { flow, rec } = makeFlow('nickname');
  await flow.load();
  flow.setFields('nickname,city');
  for (let i = 0; i < 50 && rec.events.filter((e) => e.name === 'load').length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  expect(flow.values.city).toBe('Ningbo');
});
