// <authing-profile-form> and the answers it is given (core/flows/profile-form-flow, profile-form): a new
// form's state, what typing keeps, the fields property shrinking or reordered after a read (no reload,
// edits kept), the form after a save showing the saved profile (a value changed elsewhere meanwhile
// included, and not sent back), and the contract with a client the app hands in itself (the component's
// `client` / setDefaultClient take any Authing-compatible object): an answer without data is a worded
// failure, code bad_response, edits kept.
// Real client and devserver where our client can give the answer; a minimal foreign client where only
// another client can (ours never answers [null, null]: without data it answers the envelope itself).
const { internal } = require('../../helpers/kit');
const { vocabularyProblems } = require('../../helpers/vocabulary');
const { recordingHost, useFlowServer } = require('./flow-host');

const { parseFields, diffValues, validateValues, DEFAULT_FIELDS } = internal('core/flows/profile-form');
const { ProfileFlow } = internal('core/flows/profile-form-flow');
const { PROFILE_TEXTS } = internal('components/profile-form/texts');

const T = PROFILE_TEXTS['zh-CN'];
const env = useFlowServer({ loggedIn: true, clearFaults: true });
function makeFlow(fields, client = env.client()) {
  const { host, rec } = recordingHost(T, { client });
  return { flow: new ProfileFlow(host, fields), rec };
}
const requests = (path) => env.srv.requests.filter((r) => r.path === path).length;
const worded = (key, reason) => T[key].replace('{reason}', reason);

/** An app's own client: answers getUserInfo / updateUserInfo with what it is given, records the changes sent. */
function foreignClient({ user = [null, null], saved = [null, null] } = {}) {
  const sent = [];
  return {
    sent,
    getUserInfo: async () => user,
    updateUserInfo: async (changes) => { sent.push(changes); return saved; },
  };
}

test('a new form: the default fields, nothing read, not blocked, not saving, no problems, no notice, no values', () => {
  const { flow, rec } = makeFlow();
  expect(flow.state).toEqual({ fields: DEFAULT_FIELDS.slice(), loading: false, blocked: false, saving: false, errors: {}, notice: null });
  expect(flow.values).toEqual({});
  expect(rec.changes).toBe(0);
});

test('typing: nothing typed is an empty field (never "undefined"); a field not in the form keeps nothing', async () => {
  await env.setProfile({ city: 'Jinan' });
  const { flow } = makeFlow('city');
  await flow.load();
  flow.input('city', undefined);
  flow.input('company', 'Typed into nothing');
  expect(flow.values).toEqual({ city: '' });
  const before = requests('/api/v3/update-profile');
  await flow.save();
  expect(requests('/api/v3/update-profile')).toBe(before + 1);
  expect((await env.profile()).city).toBe('');
});

test('the fields property shrinking or reordered after a read: one render, no reload, the edits stay', async () => {
  await env.setProfile({ city: 'Qingdao', company: 'Acme' });
  const { flow, rec } = makeFlow('city,company,gender');
  await flow.load();
  flow.input('city', 'Edited');
  const reads = requests('/api/v3/get-profile');
  let renders = rec.changes;
  flow.setFields('company,city,gender');
  expect(rec.changes).toBe(renders + 1);
  expect(flow.state).toMatchObject({ fields: ['company', 'city', 'gender'], loading: false });
  renders = rec.changes;
  flow.setFields('city,gender');
  expect(rec.changes).toBe(renders + 1);
  expect(flow.state).toMatchObject({ fields: ['city', 'gender'], loading: false });
  await flow.save();
  expect(rec.events.map((e) => e.name)).toEqual(['load', 'save']);
  expect(rec.events[1].detail.changed).toEqual(['city']);
  expect(requests('/api/v3/get-profile')).toBe(reads);
  expect(flow.values).toEqual({ city: 'Edited', gender: expect.any(String) });
});

test('after a save the form shows the saved profile: a value changed elsewhere meanwhile, the typed value as saved', async () => {
  await env.setProfile({ city: 'Harbin', company: 'Old Co' });
  const { flow, rec } = makeFlow('city,company');
  await flow.load();
  flow.input('company', '  New Co  ');
  await env.setProfile({ city: 'Changchun' }); // another device, while the form is open
  await flow.save();
  expect(rec.events.pop()).toMatchObject({ name: 'save', detail: { changed: ['company'] } });
  expect(flow.values).toEqual({ city: 'Changchun', company: 'New Co' });
  const before = requests('/api/v3/update-profile');
  await flow.save(); // nothing changed since: the other device's city is not sent back
  expect(flow.state.notice).toEqual({ tone: 'info', key: 'noChanges' });
  expect(requests('/api/v3/update-profile')).toBe(before);
  expect((await env.profile()).city).toBe('Changchun');
});

describe('a client of the app\'s own answering with no error and no data', () => {
  test('the read: blocked, "could not load" worded without a reason, code bad_response; nothing to save', async () => {
    const client = foreignClient({ user: [null, null] });
    const { flow, rec } = makeFlow('city', client);
    await flow.load();
    const error = { message: worded('loadFailed', ''), code: 'bad_response' };
    expect(flow.state).toEqual({ fields: ['city'], loading: false, blocked: true, saving: false, errors: {}, notice: { tone: 'error', error } });
    expect(rec.events).toEqual([{ name: 'error', detail: { action: 'load', code: 'bad_response', message: error.message, error } }]);
    expect(vocabularyProblems(rec.events)).toEqual([]);
    flow.input('city', 'Typed');
    await flow.save();
    expect(client.sent).toEqual([]);
  });

  test('the save: "could not save" worded without a reason, code bad_response, not saving, the edits kept', async () => {
    const client = foreignClient({ user: [null, { id: 'u-1', city: 'Lhasa' }], saved: [null, null] });
    const { flow, rec } = makeFlow('city', client);
    await flow.load();
    flow.input('city', 'Xining');
    await flow.save();
    expect(client.sent).toEqual([{ city: 'Xining' }]);
    const error = { message: worded('saveFailed', ''), code: 'bad_response' };
    expect(flow.state).toEqual({ fields: ['city'], loading: false, blocked: false, saving: false, errors: {}, notice: { tone: 'error', error } });
    expect(rec.events.slice(1)).toEqual([{ name: 'error', detail: { action: 'save', code: 'bad_response', message: error.message, error } }]);
    expect(flow.values).toEqual({ city: 'Xining' });
    await flow.save(); // still to be saved
    expect(client.sent).toEqual([{ city: 'Xining' }, { city: 'Xining' }]);
  });
});

describe('field rules', () => {
  test('`fields` as an array: names with spaces around them count', () => {
    expect(parseFields([' city ', 'street-address ', '\tcompany'])).toEqual(['city', 'streetAddress', 'company']);
  });

  test('a field with no value at all is an empty one: compared as "", a gender not given is no problem', () => {
    expect(diffValues({ city: 'Lhasa', company: '' }, {}, ['city', 'company'])).toEqual({ changes: { city: '' }, changed: ['city'] });
    expect(validateValues({}, ['gender', 'city', 'birthdate'])).toEqual({});
  });
});
