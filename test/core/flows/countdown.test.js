// Resend countdowns (core/flows/countdown): absolute end times in memory + storage, keyed by channel +
// country code + target. A fake clock drives time; nothing waits.
const { CountdownStore, countdownKey, parseCountdownKey } = require('../../helpers/kit').internal('core/flows/countdown');

function fakeStorage() {
  const data = new Map();
  return {
    data,
    get: (k) => (data.has(k) ? JSON.parse(data.get(k)) : ''),
    set: (k, v) => data.set(k, JSON.stringify(v)),
  };
}

function clock(start = 1_700_000_000_000) {
  const c = { t: start, now: () => c.t, advance: (ms) => { c.t += ms; } };
  return c;
}

describe('countdownKey', () => {
  test('channel, country code and target, whitespace removed; parse is its inverse', () => {
    const key = countdownKey('CHANNEL_LOGIN', '+86', ' 138 0000 0000 ');
    expect(key).toBe('CHANNEL_LOGIN:+86:13800000000');
    expect(parseCountdownKey(key)).toEqual({ channel: 'CHANNEL_LOGIN', countryCode: '+86', target: '13800000000' });
    expect(countdownKey('CHANNEL_LOGIN', '+86', '1')).not.toBe(countdownKey('CHANNEL_REGISTER', '+86', '1'));
    expect(countdownKey('CHANNEL_LOGIN', '+852', '1')).not.toBe(countdownKey('CHANNEL_LOGIN', '+85', '21'));
  });
});

describe('CountdownStore', () => {
  test('runs for the given seconds from start, then reads 0', () => {
    const c = clock();
    const store = new CountdownStore({ storage: null, now: c.now });
    const key = countdownKey('CHANNEL_LOGIN', '+86', '13800000000');
    expect(store.remaining(key)).toBe(0);
    const endsAt = store.start(key, 60);
    expect(endsAt).toBe(c.t + 60000);
    expect(store.remainingSeconds(key)).toBe(60);
    c.advance(59_001);
    expect(store.remainingSeconds(key)).toBe(1);
    c.advance(999);
    expect(store.remaining(key)).toBe(0);
    expect(store.latest('CHANNEL_LOGIN:')).toBeNull();
  });

  test('keys are independent', () => {
    const c = clock();
    const store = new CountdownStore({ storage: null, now: c.now });
    store.start(countdownKey('CHANNEL_LOGIN', '+86', '13800000001'), 60);
    expect(store.remaining(countdownKey('CHANNEL_LOGIN', '+86', '13800000002'))).toBe(0);
    expect(store.remaining(countdownKey('CHANNEL_REGISTER', '+86', '13800000001'))).toBe(0);
  });

  test('a new store (page re-entered, app restarted) picks up running countdowns from storage', () => {
    const c = clock();
    const storage = fakeStorage();
    const key = countdownKey('CHANNEL_LOGIN', '+86', '13800000003');
    new CountdownStore({ storage, now: c.now }).start(key, 60);
    c.advance(20_000);
    const again = new CountdownStore({ storage, now: c.now });
    expect(again.remainingSeconds(key)).toBe(40);
    expect(again.latest('CHANNEL_LOGIN:')).toEqual({ key, endsAt: c.t + 40_000, startedAt: c.t - 20_000 });
  });

  test('latest() is the most recently started running entry for the prefix', () => {
    const c = clock();
    const store = new CountdownStore({ storage: null, now: c.now });
    store.start(countdownKey('CHANNEL_LOGIN', '+86', '13800000004'), 60);
    c.advance(1000);
    store.start(countdownKey('CHANNEL_LOGIN', '+86', '13800000005'), 60);
    c.advance(1000);
    store.start(countdownKey('CHANNEL_REGISTER', '+86', '13800000006'), 60);
    expect(store.latest('CHANNEL_LOGIN:').key).toBe('CHANNEL_LOGIN:+86:13800000005');
    expect(store.latest().key).toBe('CHANNEL_REGISTER:+86:13800000006');
  });

  test('finished entries are dropped from storage on the next write; clear() removes one', () => {
    const c = clock();
    const storage = fakeStorage();
    const store = new CountdownStore({ storage, now: c.now, storageKey: 'cd' });
    const a = countdownKey('CHANNEL_LOGIN', '+86', '13800000007');
    const b = countdownKey('CHANNEL_LOGIN', '+86', '13800000008');
    store.start(a, 10);
    c.advance(11_000);
    store.start(b, 60);
    expect(Object.keys(JSON.parse(storage.data.get('cd')))).toEqual([b]);
    store.clear(b);
    expect(JSON.parse(storage.data.get('cd'))).toEqual({});
    expect(store.remaining(b)).toBe(0);
  });

  test('garbage in storage is ignored', () => {
    const storage = fakeStorage();
    storage.set('authing:countdowns', { x: 'nope', y: null, 'CHANNEL_LOGIN:+86:1': { endsAt: 'soon' } });
    const store = new CountdownStore({ storage });
    expect(store.latest()).toBeNull();
  });

  test('defaults to wx storage when wx exists', () => {
    const store = new CountdownStore({ storageKey: 'authing:countdowns:test' });
    const key = countdownKey('CHANNEL_LOGIN', '+86', '13800000009');
    store.start(key, 60);
    expect(Object.keys(wx.getStorageSync('authing:countdowns:test'))).toEqual([key]);
    wx.removeStorageSync('authing:countdowns:test');
  });
});
