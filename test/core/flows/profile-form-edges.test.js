// <authing-profile-form> at its edges (core/flows/profile-form, profile-form-flow): odd `fields` values and
// profile values, gender taken as picked, the guards (loading, saving, disabled, nothing loaded), failed
// reads, a login gone, edits typed during a save, the fields property changing, a detached component.
// Real client and devserver over HTTP (faults injected there), a recording host.
const { createWxShim } = require('../../../devserver/wx-shim');
const { createNodeTransport } = require('../../../devserver/wx-shim/node-transport');
const { createWechatPlatform } = require('../../../miniprogram_dist/index');
const { internal } = require('../../helpers/kit');
const { recordingHost, useFlowServer } = require('./flow-host');

const { parseFields, valuesFromUser, diffValues, validateField, validateValues, isoDate } = internal('core/flows/profile-form');
const { ProfileFlow } = internal('core/flows/profile-form-flow');
const { PROFILE_TEXTS } = internal('components/profile-form/texts');

const T = PROFILE_TEXTS['zh-CN'];
const env = useFlowServer({ loggedIn: true, clearFaults: true });
const { setProfile, client } = env;
function makeFlow(fields, c = client()) {
  const { host, rec } = recordingHost(T, { client: c });
  return { flow: new ProfileFlow(host, fields), rec };
}
const updates = () => env.srv.requests.filter((r) => r.path === '/api/v3/update-profile');
const fault = (spec) => env.dev.post('/__dev/faults', spec);
const errorsOf = (rec) => rec.events.filter((e) => e.name === 'error').map((e) => e.detail);

/** The demo user logged in again on a storage of its own (a wx shim's): logging it out leaves the file's login alone. */
async function ownLogin() {
  const shim = createWxShim({ baseUrl: env.srv.url, transport: createNodeTransport() });
  const c = client({ platform: createWechatPlatform(shim) });
  const [err] = await c.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });
  if (err) throw new Error(`login failed: ${err.message}`);
  return c;
}

describe('field rules', () => {
  test('`fields`: spaces or commas, snake / kebab / camel case, surrounding spaces ignored', () => {
    expect(parseFields(' nickname  city\tpostal_code,street-address ')).toEqual(['nickname', 'city', 'postalCode', 'streetAddress']);
    expect(parseFields('street--address,postal__code')).toEqual(['streetAddress', 'postalCode']);
    expect(parseFields(42)).toEqual(parseFields(''));
  });

  test('profile values: numbers as text, F / M kept, anything else U', () => {
    expect(valuesFromUser({ postalCode: 310000, gender: 'F', company: undefined }, ['postalCode', 'gender', 'company'])).toEqual({ postalCode: '310000', gender: 'F', company: '' });
  });

  test('gender is taken as picked (never trimmed); text is trimmed before it is compared or checked', () => {
    expect(diffValues({ gender: 'M', city: 'A' }, { gender: ' M', city: ' A ' }, ['gender', 'city'])).toEqual({ changes: { gender: ' M' }, changed: ['gender'] });
    expect(validateValues({ gender: ' M' }, ['gender'])).toEqual({ gender: { key: 'invalidGender' } });
    expect(validateValues({ nickname: ` ${'x'.repeat(64)} ` }, ['nickname'])).toEqual({});
    expect(diffValues({ city: 5 }, { city: '5' }, ['city']).changed).toEqual([]);
    expect(diffValues({}, { city: null }, ['city']).changed).toEqual([]);
  });

  test('a username cannot be changed to empty; unknown fields have no rule', () => {
    expect(validateField('username', '')).toEqual(expect.objectContaining({ key: expect.any(String) }));
    expect(validateField('username', 'neo_2026')).toBeNull();
    expect(validateField('photo', '\u202E')).toBeNull();
    expect(validateField('company', 'x'.repeat(129))).toEqual({ key: 'tooLong', params: { field: 'company', max: 128 } });
  });

  test('the date picker\'s end: two-digit months and days are not padded', () => {
    expect(isoDate(new Date(2026, 9, 10).getTime())).toBe('2026-10-10');
    expect(isoDate(new Date(2026, 8, 9).getTime())).toBe('2026-09-09');
  });
});

describe('the flow', () => {
  test('guards: no save before a read, none while disabled or saving; typing during a save is kept', async () => {
    await setProfile({ city: 'Wuxi', gender: 'U' });
    const { flow, rec } = makeFlow('city,gender');
    const before = updates().length;
    await flow.save(); // nothing loaded
    expect(rec.changes).toBe(0);
    const reading = flow.load();
    await flow.load(); // already loading
    await reading;
    expect(rec.events.filter((e) => e.name === 'load')).toHaveLength(1);
    flow.input('city', null);
    expect(flow.values.city).toBe('');
    flow.setDisabled(true);
    await flow.save();
    flow.pick('gender', 'F');
    expect(flow.values.gender).toBe('U');
    expect(rec.changes).toBe(2);
    flow.setDisabled(false);
    flow.input('city', 'Suzhou');
    const saving = flow.save();
    await flow.save(); // already saving
    flow.pick('gender', 'M'); // ignored while saving
    await flow.load(); // waits for the save
    flow.input('city', 'Typed meanwhile');
    await saving;
    expect(updates().length - before).toBe(1);
    expect(rec.events.filter((e) => e.name === 'load')).toHaveLength(1);
    expect(flow.values).toEqual({ city: 'Typed meanwhile', gender: 'U' });
    await flow.save();
    expect(JSON.parse(updates().pop().body)).toEqual({ city: 'Typed meanwhile' });
  });

  test('a pick clears only its own problem and says what was picked; "no changes" clears all', async () => {
    const { flow, rec } = makeFlow('city,birthdate');
    await flow.load();
    const loaded = { ...flow.values };
    flow.input('city', 'x'.repeat(65));
    flow.pick('birthdate', '1990-02-30');
    await flow.save();
    expect(Object.keys(flow.state.errors)).toEqual(['city', 'birthdate']);
    flow.pick('birthdate', '1990-02-03');
    expect(Object.keys(flow.state.errors)).toEqual(['city']);
    expect(rec.events.pop()).toEqual({ name: 'change', detail: { field: 'birthdate', value: '1990-02-03' } });
    flow.input('city', loaded.city);
    flow.pick('birthdate', loaded.birthdate);
    await flow.save();
    expect(flow.state).toMatchObject({ errors: {}, notice: { tone: 'info', key: 'noChanges' } });
  });

  test('the fields property: the same list renders nothing, fewer fields render once, new ones before a read load nothing', async () => {
    const { flow, rec } = makeFlow('city,gender');
    flow.setFields(['city', 'gender']);
    flow.setFields('city , gender');
    expect(rec.changes).toBe(0);
    const before = env.srv.requests.length;
    flow.setFields('city,gender,company');
    expect(rec.changes).toBe(1);
    expect(flow.state.fields).toEqual(['city', 'gender', 'company']);
    await flow.load();
    flow.setFields('city');
    expect(rec.changes).toBe(4);
    expect(flow.state.fields).toEqual(['city']);
    expect(env.srv.requests.slice(before).filter((r) => r.path === '/api/v3/get-profile')).toHaveLength(1);
  });

  test('a detached form drops the late answers of a read and a save', async () => {
    const { flow, rec } = makeFlow('city');
    await flow.load();
    flow.input('city', 'Late');
    const saving = flow.save();
    const renders = rec.changes;
    flow.detach();
    await saving;
    const late = makeFlow('city');
    const reading = late.flow.load();
    late.flow.detach();
    await reading;
    expect(rec.changes).toBe(renders);
    expect(rec.events.map((e) => e.name)).toEqual(['load']);
    expect(late.rec.changes).toBe(1);
    expect(late.rec.events).toEqual([]);
  });

  test('a failed read: blocked, worded "could not load" with the reason, no save of older edits; a retry drops the edits', async () => {
    await setProfile({ city: 'Xian' });
    const { flow, rec } = makeFlow('city');
    await flow.load();
    flow.input('city', 'Chengdu');
    await fault({ path: '/api/v3/get-profile', kind: 'envelope', status: 500, body: 'db down' });
    await flow.load();
    const message = T.loadFailed.replace('{reason}', 'db down');
    expect(flow.state).toMatchObject({ loading: false, blocked: true, notice: { tone: 'error', error: { message } } });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'load', message });
    const before = updates().length;
    const renders = rec.changes;
    await flow.save(); // nothing (re)loaded
    expect(updates().length).toBe(before);
    expect(rec.changes).toBe(renders);
    const retry = flow.load();
    expect(flow.state).toMatchObject({ loading: true, blocked: false, notice: null });
    await retry;
    expect(flow.state).toMatchObject({ loading: false, blocked: false, errors: {}, notice: null });
    expect(flow.values.city).toBe('Xian');
  });

  // Logs out, so on a login of its own.
  test('a missing client on save, then the login gone: "please log in" on save and read, edits kept', async () => {
    const c = await ownLogin();
    const link = { gone: false };
    const { host, rec } = recordingHost(T, { client: c, extra: { getClient: () => (link.gone ? [{ code: 'invalid_options', message: T.notConfigured }] : [null, c]) } });
    const flow = new ProfileFlow(host, 'city');
    await flow.load();
    flow.input('city', 'Dalian');
    link.gone = true;
    await flow.save();
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'save', code: 'invalid_options', message: T.notConfigured });
    expect(flow.state).toMatchObject({ saving: false, notice: { tone: 'error', error: { code: 'invalid_options' } } });
    link.gone = false;
    await c.logout();
    await flow.save();
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'save', code: 'not_logged_in', message: T.notLoggedIn });
    expect(flow.state.saving).toBe(false);
    expect(flow.values.city).toBe('Dalian');
    await flow.load();
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'load', code: 'not_logged_in', message: T.notLoggedIn });
    expect(flow.state.blocked).toBe(true);
  });
});
