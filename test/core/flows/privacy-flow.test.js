// WeChat's privacy authorization without the simulator: PrivacyFlow (the popup's state and its answers to
// WeChat's resolve) and the registry that keeps ONE wx.onNeedPrivacyAuthorization listener for the app and
// routes each request to the popup of the page on screen.
const { internal } = require('../../helpers/kit');
const { PrivacyFlow } = internal('core/flows/privacy-flow');
const registry = internal('core/flows/privacy-registry');

function makeFlow() {
  const rec = { changes: 0, events: [] };
  const flow = new PrivacyFlow({
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
  });
  return { flow, rec };
}
/** A resolve that records WeChat's answers. */
function resolver() {
  const answers = [];
  const resolve = (a) => answers.push(a);
  return { resolve, answers };
}

describe('PrivacyFlow', () => {
  test('a request opens the popup (one render), tells WeChat it was shown, and agree resumes the API', () => {
    const { flow, rec } = makeFlow();
    const r = resolver();
    flow.request(r.resolve, 'button.getPhoneNumber');
    expect(flow.state).toEqual({ open: true, referrer: 'button.getPhoneNumber', contractName: '' });
    expect(rec.changes).toBe(1);
    expect(r.answers).toEqual([{ event: 'exposureAuthorization' }]);
    flow.agree('agree-btn');
    expect(r.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'agree-btn' }]);
    expect(flow.state.open).toBe(false);
    expect(rec.events).toEqual([{ name: 'privacy', detail: { agreed: true } }]);
    expect(rec.changes).toBe(2);
  });

  test('disagree fails the waiting API once; later taps of either button do nothing', () => {
    const { flow, rec } = makeFlow();
    const r = resolver();
    flow.request(r.resolve, 'button.chooseAvatar');
    flow.disagree();
    flow.disagree();
    flow.agree('agree-btn');
    expect(r.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
    expect(rec.events).toEqual([{ name: 'privacy', detail: { agreed: false } }]);
  });

  test('two APIs waiting at once: one popup, one answer settles both', () => {
    const { flow, rec } = makeFlow();
    const a = resolver();
    const b = resolver();
    flow.request(a.resolve, 'button.getPhoneNumber');
    flow.request(b.resolve, 'input.nickname');
    expect(rec.changes).toBe(1);
    expect(flow.state.referrer).toBe('button.getPhoneNumber');
    expect(b.answers).toEqual([]); // shown once only
    flow.agree('x');
    expect(a.answers.pop()).toEqual({ event: 'agree', buttonId: 'x' });
    expect(b.answers).toEqual([{ event: 'agree', buttonId: 'x' }]);
  });

  test('the contract name from getPrivacySetting is kept across requests; release hands the waiting answers back', () => {
    const { flow } = makeFlow();
    flow.setContractName('《X 隐私保护指引》');
    const r = resolver();
    flow.request(r.resolve, 'requirePrivacyAuthorize');
    const waiting = flow.release();
    expect(waiting).toEqual([r.resolve]);
    expect(flow.state).toEqual({ open: false, referrer: '', contractName: '《X 隐私保护指引》' });
    expect(flow.release()).toEqual([]);
  });
  test('closed with no referrer before any request; a request without one shows none; the same contract name again renders nothing', () => {
    const { flow, rec } = makeFlow();
    expect(flow.state).toEqual({ open: false, referrer: '', contractName: '' });
    flow.setContractName('《指引》');
    flow.setContractName('《指引》');
    expect(rec.changes).toBe(1);
    flow.request(resolver().resolve);
    expect(flow.state).toEqual({ open: true, referrer: '', contractName: '《指引》' });
  });
});

describe('privacy registry', () => {
  /** A wx with the privacy API: registers listeners and plays WeChat asking. */
  function fakeWx(setting = { needAuthorization: true, privacyContractName: '《指引》' }) {
    const wx = {
      registered: new Set(),
      listener: null,
      // WeChat keeps ONE listener: a registration replaces the previous one.
      onNeedPrivacyAuthorization(fn) { wx.registered.add(fn); wx.listener = fn; },
      getPrivacySetting(o) { o.success(setting); },
      ask(referrer) { const r = resolver(); wx.listener(r.resolve, { referrer }); return r.answers; },
    };
    return wx;
  }
  const targets = [];
  function target() {
    const t = { asked: [], request(resolve, referrer) { t.asked.push(referrer); t.resolve = resolve; } };
    targets.push(t);
    return t;
  }
  afterEach(() => { while (targets.length) registry.removePrivacyTarget(targets.pop()); });

  test('one listener however many popups attach; the last attached (or shown) answers', () => {
    const wx = fakeWx();
    const a = target();
    const b = target();
    registry.raisePrivacyTarget(wx, a);
    registry.raisePrivacyTarget(wx, b);
    expect(wx.registered.size).toBe(1); // the same routing function each time
    wx.ask('button.getPhoneNumber');
    expect(b.asked).toEqual(['button.getPhoneNumber']);
    expect(a.asked).toEqual([]);
    registry.raisePrivacyTarget(wx, a); // a's page shows again
    wx.ask('button.chooseAvatar');
    expect(a.asked).toEqual(['button.chooseAvatar']);
  });

  test('a host page that registered its own listener does not strand a kit page: showing it claims WeChat back', () => {
    const wx = fakeWx();
    const kitPage = target();
    registry.raisePrivacyTarget(wx, kitPage);
    const hostAsked = [];
    wx.onNeedPrivacyAuthorization((resolve, info) => hostAsked.push(info.referrer)); // the host's page, in onLoad
    wx.ask('chooseLocation');
    expect(hostAsked).toEqual(['chooseLocation']);
    registry.raisePrivacyTarget(wx, kitPage); // back on the kit page
    wx.ask('button.getPhoneNumber');
    expect(kitPage.asked).toEqual(['button.getPhoneNumber']);
    expect(hostAsked).toEqual(['chooseLocation']);
  });

  test('a closing popup hands its waiting request to the one below; with none left the API fails like a decline', () => {
    const wx = fakeWx();
    const a = target();
    const b = target();
    registry.raisePrivacyTarget(wx, a);
    registry.raisePrivacyTarget(wx, b);
    const answers = wx.ask('input.nickname');
    registry.removePrivacyTarget(b, [b.resolve]);
    expect(a.asked).toEqual(['']);
    registry.removePrivacyTarget(a, [a.resolve]);
    targets.length = 0;
    expect(answers).toEqual([{ event: 'disagree' }]);
    expect(wx.ask('button.getPhoneNumber')).toEqual([{ event: 'disagree' }]);
  });

  test('a new wx object (another JS context) gets the listener too; a wx without the API is left alone', () => {
    const first = fakeWx();
    const second = fakeWx();
    registry.raisePrivacyTarget(first, target());
    registry.raisePrivacyTarget(second, target());
    expect(second.registered.size).toBe(1);
    expect(() => registry.raisePrivacyTarget({}, target())).not.toThrow();
  });

  test('a request without eventInfo reaches the popup with no referrer; removing a popup twice leaves the others in place', () => {
    const wx = fakeWx();
    const a = target();
    const b = target();
    registry.raisePrivacyTarget(wx, a);
    registry.raisePrivacyTarget(wx, b);
    registry.removePrivacyTarget(a);
    registry.removePrivacyTarget(a);
    wx.listener(resolver().resolve);
    expect(b.asked).toEqual(['']);
    expect(a.asked).toEqual([]);
  });

  test('privacyContractName: the name WeChat reports, else empty', () => {
    const names = [];
    registry.privacyContractName({ getPrivacySetting: (o) => o.success({ needAuthorization: false }) }, (n) => names.push(n));
    registry.privacyContractName(fakeWx(), (n) => names.push(n));
    registry.privacyContractName({}, (n) => names.push(n));
    registry.privacyContractName({ getPrivacySetting: (o) => o.fail(new Error('x')) }, (n) => names.push(n));
    expect(names).toEqual(['', '《指引》', '', '']);
  });
});
