// <authing-profile-form> in miniprogram-simulate with real tdesign children (t-input, t-radio-group,
// t-cell, t-button, t-loading), against isolated devservers over HTTP. What was saved is checked in
// the server's request log (the exact JSON body it received) and by reading the profile back.
const { simulate, loadKitComponent, mount, bindings, recordRenders, checkEventVocabulary } = require('../helpers/mp');
const { startDevServer, dev, loggedInServer } = require('../helpers/server');
const { Authing } = require('../../miniprogram_dist/index');
const { untilEvent } = require('../helpers/until');

checkEventVocabulary(); // every shared event detail recorded here matches the one vocabulary

let formId;
beforeAll(() => { formId = loadKitComponent('profile-form'); });

const EVENTS = ['load', 'save', 'error', 'change'];

function render(srv, attrs = '') {
  const template = `<authing-profile-form id="pf" app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" ${attrs} ${bindings(EVENTS)} />`;
  const { host, events } = mount({ 'authing-profile-form': formId }, template, { events: EVENTS });
  const pf = host.querySelector('#pf');
  return { pf, events, renders: recordRenders(pf) };
}

/** User actions, the way WeChat delivers them to the real tdesign children. */
const type = (pf, field, value) => pf.querySelector(`#authing-field-${field}`).querySelector('.t-input__control').dispatchEvent('input', { detail: { value, cursor: value.length } });
const pickDate = (pf, value) => pf.querySelector('#authing-field-birthdate').dispatchEvent('change', { detail: { value } });
const pickGender = (pf, index) => pf.querySelector('#authing-field-gender').querySelectorAll('.t-radio-option')[index].querySelector('.t-radio').dispatchEvent('tap');
const tapSave = (pf) => pf.querySelector('#authing-save').querySelector('.t-button').dispatchEvent('tap');
const inputValue = (pf, field) => pf.querySelector(`#authing-field-${field}`).data.value;

const updates = (srv) => srv.requests.filter((r) => r.path === '/api/v3/update-profile');

describe('logged in as the demo user', () => {
  let srv;
  let profile;
  let setProfile;
  beforeAll(async () => { ({ srv, profile, setProfile } = await loggedInServer()); });
  afterAll(async () => { if (srv) await srv.close(); });
  afterEach(async () => { await dev(srv.url).del('/__dev/faults'); });

  test('shows a loading state, then the profile in the default fields', async () => {
    await setProfile({ nickname: 'Demo', name: 'Demo User', gender: 'M', birthdate: '1990-01-02', city: 'Hangzhou', country: '', province: '', address: '' });
    const { pf, events, renders } = render(srv);
    expect(pf.data.loading).toBe(true);
    expect(JSON.stringify(pf.toJSON())).toContain('正在加载资料');
    const load = await untilEvent(events, 'load', 'error');
    expect(load.name).toBe('load');
    expect(pf.data.loading).toBe(false);
    expect(pf.data.fieldViews.map((f) => f.name)).toEqual(['nickname', 'name', 'gender', 'birthdate', 'country', 'province', 'city', 'address']);
    expect(inputValue(pf, 'nickname')).toBe('Demo');
    expect(inputValue(pf, 'name')).toBe('Demo User');
    expect(inputValue(pf, 'city')).toBe('Hangzhou');
    expect(pf.data.values.gender).toBe('M');
    expect(pf.data.values.birthdate).toBe('1990-01-02');
    const json = JSON.stringify(pf.toJSON());
    expect(json).toContain('"nickname"'); // t-input type="nickname" → native input type nickname
    expect(json).toContain('mode","value":"date"');
    expect(pf.querySelector('#authing-field-nickname').data.ariaLabel).toBe('昵称');
    expect(renders.length).toBe(1); // the loaded profile (the attach render happened before the spy was installed)
  });

  test('edits nickname, gender, birthdate and city; saves ONLY those fields (checked on the server)', async () => {
    await setProfile({ nickname: 'Demo', gender: 'M', birthdate: '1990-01-02', city: 'Hangzhou', name: 'Demo User' });
    const { pf, events, renders } = render(srv);
    await untilEvent(events, 'load');
    renders.length = 0;

    type(pf, 'nickname', 'N');
    type(pf, 'nickname', 'Ne');
    type(pf, 'nickname', 'Neo');
    type(pf, 'city', 'Shanghai');
    type(pf, 'name', 'Demo User'); // typed back the same value: not a change
    await simulate.sleep(0);
    expect(renders).toEqual([]); // no render per keystroke
    expect(inputValue(pf, 'nickname')).toBe('Neo'); // t-input shows what was typed

    pickGender(pf, 1); // 女
    await simulate.sleep(0);
    expect(renders.length).toBe(1);
    expect(pf.data.values.gender).toBe('F');
    expect(inputValue(pf, 'nickname')).toBe('Neo'); // that render kept the typed text

    pickDate(pf, '1991-02-03');
    await simulate.sleep(0);
    expect(renders.length).toBe(2);
    expect(JSON.stringify(pf.toJSON())).toContain('1991-02-03');

    renders.length = 0;
    const before = updates(srv).length;
    tapSave(pf);
    await simulate.sleep(0);
    expect(renders).toEqual([]); // a quick save never shows its busy state
    const save = await untilEvent(events, 'save', 'error');
    expect(save.name).toBe('save');
    expect(save.detail.changed).toEqual(['nickname', 'gender', 'birthdate', 'city']);
    expect(updates(srv).length).toBe(before + 1);
    expect(JSON.parse(updates(srv).pop().body)).toEqual({ nickname: 'Neo', gender: 'F', birthdate: '1991-02-03', city: 'Shanghai' });
    const p = await profile();
    expect(p).toEqual(expect.objectContaining({ nickname: 'Neo', gender: 'F', birthdate: '1991-02-03', city: 'Shanghai', name: 'Demo User' }));
    expect(save.detail.userInfo).toEqual(expect.objectContaining({ nickname: 'Neo', city: 'Shanghai' }));
    expect(pf.data.message).toBe('已保存');
    expect(renders.length).toBe(1); // tap → answer: one render (saved)
    // (miniprogram-simulate lets the native picker's own `change` bubble out of the component, which
    // WeChat does not; the kit's `change` events are the ones naming a field)
    expect(events.filter((e) => e.name === 'change' && e.detail.field).map((e) => e.detail)).toEqual([
      { field: 'gender', value: 'F' }, { field: 'birthdate', value: '1991-02-03' },
    ]);

    // saving again without edits sends nothing
    tapSave(pf);
    await simulate.sleep(10);
    expect(pf.data.message).toBe('没有需要保存的修改');
    expect(updates(srv).length).toBe(before + 1);
  });

  test('validation: an impossible birthdate and too long text show messages and send nothing', async () => {
    const { pf, events, renders } = render(srv);
    await untilEvent(events, 'load');
    const count = srv.requests.length;
    type(pf, 'address', 'x'.repeat(256));
    pickDate(pf, '1990-02-30');
    await simulate.sleep(0);
    renders.length = 0;
    tapSave(pf);
    const err = await untilEvent(events, 'error', 'save');
    expect(err.detail).toEqual(expect.objectContaining({
      action: 'validate', code: 'invalid_argument', message: '请先修正标红的内容',
      fields: { birthdate: '请输入正确的日期（YYYY-MM-DD）', address: '地址不能超过 255 个字符' },
    }));
    expect(pf.data.errors).toEqual({ birthdate: '请输入正确的日期（YYYY-MM-DD）', address: '地址不能超过 255 个字符' });
    expect(pf.querySelector('#authing-field-address').data.tips).toBe('地址不能超过 255 个字符');
    expect(pf.querySelector('#authing-field-address').data.status).toBe('error');
    expect(pf.data.message).toBe(''); // on the fields only, no summary line
    expect(JSON.stringify(pf.toJSON())).toContain('请输入正确的日期（YYYY-MM-DD）');
    expect(srv.requests.length).toBe(count);
    expect(renders.length).toBe(1);
    expect(inputValue(pf, 'address')).toBe('x'.repeat(256)); // the text is kept

    // a future date is refused too; fixing both then saves
    pickDate(pf, '2999-01-01');
    tapSave(pf);
    await simulate.sleep(10);
    expect(pf.data.errors.birthdate).toBe('日期不能晚于今天');
    expect(srv.requests.length).toBe(count);
    type(pf, 'address', '1 Main St');
    pickDate(pf, '1990-03-01');
    tapSave(pf);
    const save = await untilEvent(events, 'save');
    expect(save.detail.changed).toEqual(['birthdate', 'address']);
    expect(pf.data.errors).toEqual({});
  });

  test('a server error keeps every edit, shows the message, emits `error`; retry sends the same edits', async () => {
    await setProfile({ nickname: 'Demo', company: 'ACME' });
    const { pf, events } = render(srv, 'fields="nickname,company,gender"');
    await untilEvent(events, 'load');
    expect(pf.data.fieldViews.map((f) => f.name)).toEqual(['nickname', 'company', 'gender']);
    await dev(srv.url).post('/__dev/faults', { path: '/api/v3/update-profile', kind: 'envelope', status: 500, body: 'database is down' });
    type(pf, 'nickname', 'Kept');
    type(pf, 'company', 'Initech');
    pickGender(pf, 0);
    await simulate.sleep(0);
    tapSave(pf);
    const err = await untilEvent(events, 'error', 'save');
    expect(err.detail.action).toBe('save');
    expect(err.detail.code).toBe('server');
    expect(err.detail.message).toBe('保存失败：database is down（你的修改仍保留）');
    expect(pf.data.message).toBe(err.detail.message);
    expect(pf.data.saving).toBe(false);
    expect(inputValue(pf, 'nickname')).toBe('Kept');
    expect(inputValue(pf, 'company')).toBe('Initech');
    expect(pf.data.values.gender).toBe('M');
    expect((await profile()).nickname).toBe('Demo'); // nothing changed on the server
    const failed = updates(srv).pop();
    expect(failed.fault).toBe('envelope');

    tapSave(pf);
    const save = await untilEvent(events, 'save');
    expect(save.detail.changed).toEqual(['nickname', 'company', 'gender']);
    expect(JSON.parse(updates(srv).pop().body)).toEqual(JSON.parse(failed.body));
    expect(await profile()).toEqual(expect.objectContaining({ nickname: 'Kept', company: 'Initech', gender: 'M' }));
  });

  test('validation messages are texts: `texts` overrides them and the field names', async () => {
    const { pf, events } = render(srv, 'fields="address" texts="{{texts}}"'.replace('{{texts}}', "{{ { tooLong: '{field}最多 {max} 字', field_address: '住址' } }}"));
    await untilEvent(events, 'load');
    type(pf, 'address', 'y'.repeat(256));
    tapSave(pf);
    const err = await untilEvent(events, 'error', 'save');
    expect(err.detail.fields).toEqual({ address: '住址最多 255 字' });
    expect(pf.data.errors).toEqual({ address: '住址最多 255 字' });
  });

  test('a slow save shows its busy state once after a short delay, then one settled render', async () => {
    const { pf, events, renders } = render(srv, 'fields="city"');
    await untilEvent(events, 'load');
    await dev(srv.url).post('/__dev/faults', { path: '/api/v3/update-profile', kind: 'delay', delayMs: 700, count: 1 });
    type(pf, 'city', 'Suzhou');
    renders.length = 0;
    tapSave(pf);
    await simulate.sleep(100);
    expect(renders).toEqual([]);
    await simulate.sleep(400);
    expect(renders.length).toBe(1);
    expect(pf.querySelector('#authing-save').data.loading).toBe(true);
    await untilEvent(events, 'save', 'error');
    expect(renders.length).toBe(2);
    expect(pf.data.saving).toBe(false);
  });

  test('a network failure (connection reset) also keeps the edits', async () => {
    const { pf, events } = render(srv, 'fields="{{[\'province\']}}" lang="en-US"');
    await untilEvent(events, 'load');
    expect(pf.data.fieldViews).toEqual([{ name: 'province', kind: 'text', label: 'Province', placeholder: 'Enter your province' }]);
    await dev(srv.url).post('/__dev/faults', { path: '/api/v3/update-profile', kind: 'reset' });
    type(pf, 'province', 'Zhejiang');
    tapSave(pf);
    const err = await untilEvent(events, 'error', 'save');
    expect(err.detail.code).toBe('network');
    expect(err.detail.message).toMatch(/^Could not save: .*\(your changes are kept\)$/);
    expect(inputValue(pf, 'province')).toBe('Zhejiang');
    expect(pf.querySelector('#authing-save').data.loading).toBe(false);
  });
});

test('not logged in: a clear message, `error` {code:"not_logged_in"}, no form', async () => {
  const srv = await startDevServer();
  try {
    wx.clearStorageSync();
    const { pf, events } = render(srv);
    const err = await untilEvent(events, 'error', 'load');
    expect(err.detail).toEqual(expect.objectContaining({ action: 'load', code: 'not_logged_in', message: '尚未登录，请先登录后再编辑资料' }));
    expect(pf.data.blocked).toBe(true);
    expect(pf.querySelector('#authing-save')).toBeFalsy();
    expect(JSON.stringify(pf.toJSON())).toContain('尚未登录，请先登录后再编辑资料');
    expect(srv.requests.filter((r) => r.path.startsWith('/api/'))).toEqual([]); // no token, no request

    // after logging in, "reload" shows the form
    const client = new Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url });
    const [loginErr] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });
    expect(loginErr).toBeNull();
    pf.querySelector('#authing-retry').querySelector('.t-button').dispatchEvent('tap');
    const load = await untilEvent(events, 'load');
    expect(load.detail.userInfo.username).toBe('demo');
    expect(pf.data.blocked).toBe(false);
    expect(pf.querySelector('#authing-save')).toBeTruthy();
  } finally {
    await srv.close();
  }
});
