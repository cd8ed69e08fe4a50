// WeChat's privacy authorization through the kit, in miniprogram-simulate with real tdesign children and a
// devserver over HTTP. WeChat's side is simulated (test/helpers/privacy.js over devserver/wx-shim/privacy.js):
// a privacy API waits for the app's one onNeedPrivacyAuthorization listener; the kit components embed
// <authing-privacy-popup>, which answers it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { simulate, loadKitComponent, mount, bindings, checkEventVocabulary } = require('../helpers/mp');
const { startDevServer, dev, loggedInServer } = require('../helpers/server');
const { untilEvent } = require('../helpers/until');
const { enablePrivacy, tapOpenType, focusNickname, openPopup, privacy } = require('../helpers/privacy');

checkEventVocabulary();

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'authing-privacy-'));

let ids;
beforeAll(() => {
  ids = {};
  for (const name of ['privacy-popup', 'phone-button', 'avatar-uploader', 'profile-form', 'login']) ids[name] = loadKitComponent(name);
});
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));
afterEach(() => enablePrivacy(false));

const clientAttrs = (srv) => `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}"`;

describe('the phone number: phone button and login', () => {
  let srv;
  let api;
  beforeAll(async () => {
    srv = await startDevServer();
    api = dev(srv.url);
    wx.__control.baseUrl = srv.url;
  });
  afterAll(async () => { if (srv) await srv.close(); });
  beforeEach(() => wx.clearStorageSync());

  const EVENTS = ['login', 'phone', 'cancel', 'error', 'privacy', 'agreement-change'];
  const AGREEMENTS = { agreements: ['用户协议', '隐私政策'] };
  /** Each host of WeChat's phone button: its tag and attributes, the ids of its buttons, where a message would show. */
  const HOSTS = {
    'phone-button': {
      attrs: 'mode="login"', consent: 'require-consent agreements="{{agreements}}"',
      phone: 'authing-phone-button', gate: 'authing-consent-gate', agree: 'authing-consent-agree',
      message: (c) => c.data.message,
    },
    login: {
      attrs: 'default-method="wechat" fetch-user-info="{{false}}"', consent: 'agreements="{{agreements}}"',
      phone: 'authing-phone-login', gate: 'authing-phone-gate', agree: 'authing-consent-agree-phone',
      message: (c) => c.querySelector('#authing-toast').data.message || '',
    },
  };
  function render(name, attrs = '', data = {}) {
    const tag = `authing-${name}`;
    const template = `<${tag} id="c" ${clientAttrs(srv)} ext-idp-conn-identifier="${srv.config.wechatIdpIdentifier}" ${attrs} ${bindings(EVENTS)} />`;
    const { host, events } = mount({ [tag]: ids[name] }, template, { events: EVENTS, data });
    return { host, c: host.querySelector('#c'), events };
  }
  const phoneLogins = () => srv.requests.filter((r) => r.path.startsWith('/api/v3/signin') && r.body.includes('code_and_phone')).length;
  const decline = (popup) => popup.querySelector('#authing-privacy-disagree').querySelector('.t-button').dispatchEvent('tap');

  describe.each(Object.keys(HOSTS))('<authing-%s>', (name) => {
    const h = HOSTS[name];

    test('first use: the popup asks; agreeing lets WeChat resume getPhoneNumber and the phone login proceeds', async () => {
      enablePrivacy();
      const { c, events } = render(name, h.attrs);
      await simulate.sleep(0);
      expect(openPopup(c)).toBeNull(); // nothing before WeChat asks
      const before = phoneLogins();
      const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912340001' });
      const delivered = tapOpenType(c.querySelector(`#${h.phone}`), { errMsg: 'getPhoneNumber:ok', code });
      await simulate.sleep(0);

      const popup = openPopup(c);
      expect(popup).not.toBeNull();
      expect(privacy().state.asked).toEqual(['button.getPhoneNumber']);
      expect(popup.querySelector('#authing-privacy-text').dom.textContent).toContain('《Authing 演示小程序隐私保护指引》');
      expect(phoneLogins()).toBe(before); // the phone API is pending: no request yet

      await tapOpenType(popup.querySelector('#authing-privacy-agree'));
      await delivered;
      await untilEvent(events, 'login', 'error');
      // `privacy` bubbles out of the component that embeds the popup
      expect(events.map((e) => e.name)).toEqual(['privacy', 'login']);
      expect(events[0].detail).toEqual({ agreed: true });
      expect(events[1].detail.method).toBe('phone');
      expect(phoneLogins()).toBe(before + 1);
      expect(openPopup(c)).toBeNull();

      // Agreed once: the next use goes straight through, nothing asked again.
      const again = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912340001' });
      await tapOpenType(c.querySelector(`#${h.phone}`), { errMsg: 'getPhoneNumber:ok', code: again.code });
      expect(privacy().state.asked).toHaveLength(1);
      expect(openPopup(c)).toBeNull();
    });

    test('declining: the popup closes, a calm `cancel` {reason:"privacy"}, no message, no request, nothing retried', async () => {
      enablePrivacy();
      const { c, events } = render(name, h.attrs);
      await simulate.sleep(0);
      const count = srv.requests.length;
      const delivered = tapOpenType(c.querySelector(`#${h.phone}`), { errMsg: 'getPhoneNumber:ok', code: 'never-used' });
      await simulate.sleep(0);
      decline(openPopup(c));
      await delivered;
      await simulate.sleep(10);
      expect(events).toEqual([
        { name: 'privacy', detail: { agreed: false } },
        { name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'privacy' } },
      ]);
      expect(openPopup(c)).toBeNull();
      expect(h.message(c)).toBe('');
      expect(srv.requests.length).toBe(count);
      expect(privacy().state.asked).toHaveLength(1); // asked once, not again by itself
    });

    test('agreeing in the kit\'s consent prompt also agrees to WeChat\'s privacy: no popup follows', async () => {
      enablePrivacy();
      const { c, events } = render(name, `${h.attrs} ${h.consent}`, AGREEMENTS);
      await simulate.sleep(0);
      c.querySelector(`#${h.gate}`).querySelector('.t-button').dispatchEvent('tap');
      await simulate.sleep(0);
      const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912340002' });
      await tapOpenType(c.querySelector(`#${h.agree}`), { errMsg: 'getPhoneNumber:ok', code });
      await untilEvent(events, 'login', 'error');
      expect(events.map((e) => e.name)).toEqual(['agreement-change', 'login']);
      expect(privacy().state.asked).toEqual([]);
      expect(openPopup(c)).toBeNull();
    });
  });

  test('when WeChat needs no authorization (getPrivacySetting: false), nothing is ever shown', async () => {
    const { c, events } = render('phone-button', 'mode="get-phone"');
    await simulate.sleep(0);
    const setting = await wx.getPrivacySetting();
    expect(setting.needAuthorization).toBe(false);
    const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912340003' });
    await tapOpenType(c.querySelector('#authing-phone-button'), { errMsg: 'getPhoneNumber:ok', code });
    await untilEvent(events, 'phone', 'error');
    expect(events.map((e) => e.name)).toEqual(['phone']);
    expect(openPopup(c)).toBeNull();
  });

  test('the host words the embedded popup through the component\'s own `texts` and `lang`', async () => {
    enablePrivacy();
    const { c } = render('phone-button', 'lang="en-US" texts="{{texts}}"', { texts: { privacyTitle: 'Before we continue', label: 'Use my number' } });
    await simulate.sleep(0);
    const asked = wx.requirePrivacyAuthorize().catch((e) => e);
    await simulate.sleep(0);
    const popup = openPopup(c);
    expect(popup.querySelector('#authing-privacy').data.title).toBe('Before we continue');
    expect(popup.data.t.privacyAgree).toBe('Accept');
    expect(c.data.label).toBe('Use my number');
    decline(popup);
    expect(await asked).toEqual({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized', errno: 104 });
  });

  test('the privacy link opens WeChat\'s contract page', async () => {
    enablePrivacy();
    const { c } = render('phone-button');
    await simulate.sleep(0);
    const delivered = tapOpenType(c.querySelector('#authing-phone-button'), { errMsg: 'getPhoneNumber:ok', code: 'x' });
    await simulate.sleep(0);
    const popup = openPopup(c);
    const opened = privacy().state.contractOpened;
    popup.querySelector('#authing-privacy-contract').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(privacy().state.contractOpened).toBe(opened + 1);
    decline(popup);
    await delivered;
  });

  test('one listener app-wide: the request goes to the page on screen; a closed page hands it on', async () => {
    enablePrivacy();
    const a = render('phone-button', 'mode="get-phone"');
    const b = render('phone-button', 'mode="get-phone"');
    await simulate.sleep(0);
    // b attached last; then a's page shows again (navigateBack): a answers.
    a.host.triggerPageLifeTime('show');
    const delivered = tapOpenType(b.c.querySelector('#authing-phone-button'), { errMsg: 'getPhoneNumber:ok', code: 'unused' });
    await simulate.sleep(0);
    expect(openPopup(a.c)).not.toBeNull();
    expect(openPopup(b.c)).toBeNull();
    // a's page closes with the request open: b's popup takes it over.
    a.host.detach();
    await simulate.sleep(0);
    const popup = openPopup(b.c);
    expect(popup).not.toBeNull();
    decline(popup);
    await delivered;
    await simulate.sleep(0);
    expect(b.events.map((e) => e.name)).toEqual(['privacy', 'cancel']);
  });
});

describe('the avatar chooser and the nickname input', () => {
  let srv;
  beforeAll(async () => { ({ srv } = await loggedInServer()); });
  afterAll(async () => { if (srv) await srv.close(); });

  function renderAvatar() {
    const events = ['change', 'error', 'load', 'privacy'];
    const { host, events: got } = mount({ 'authing-avatar-uploader': ids['avatar-uploader'] },
      `<authing-avatar-uploader id="av" ${clientAttrs(srv)} ${bindings(events)} />`, { events });
    return { av: host.querySelector('#av'), events: got };
  }
  const uploads = () => srv.requests.filter((r) => r.path === '/api/v2/upload').length;

  test('chooseAvatar: the popup asks first; agreeing opens the chooser and the photo is uploaded', async () => {
    enablePrivacy();
    const { av, events } = renderAvatar();
    await untilEvent(events, 'load', 'error');
    const file = path.join(tmpDir, 'a.png');
    fs.writeFileSync(file, PNG);
    const before = uploads();
    const delivered = tapOpenType(av.querySelector('#authing-avatar-picker'), { avatarUrl: file }, 'chooseAvatar');
    await simulate.sleep(0);
    const popup = openPopup(av);
    expect(popup).not.toBeNull();
    expect(privacy().state.asked).toEqual(['button.chooseAvatar']);
    await tapOpenType(popup.querySelector('#authing-privacy-agree'));
    await delivered;
    await untilEvent(events, 'change', 'error');
    expect(events.filter((e) => e.name !== 'load').map((e) => e.name)).toEqual(['privacy', 'change']);
    expect(uploads()).toBe(before + 1);
  });

  test('chooseAvatar declined: the avatar stays, no message, no upload', async () => {
    enablePrivacy();
    const { av, events } = renderAvatar();
    await untilEvent(events, 'load', 'error');
    const before = uploads();
    const delivered = tapOpenType(av.querySelector('#authing-avatar-picker'), { avatarUrl: '/nowhere.png' }, 'chooseAvatar');
    await simulate.sleep(0);
    openPopup(av).querySelector('#authing-privacy-disagree').querySelector('.t-button').dispatchEvent('tap');
    await delivered;
    await simulate.sleep(0);
    expect(events.filter((e) => e.name !== 'load')).toEqual([{ name: 'privacy', detail: { agreed: false } }]);
    expect(av.data.message).toBe('');
    expect(uploads()).toBe(before);
  });

  test('the nickname input: focus waits for the popup; agreeing brings the keyboard up', async () => {
    enablePrivacy();
    const events = ['load', 'error', 'privacy'];
    const { host, events: got } = mount({ 'authing-profile-form': ids['profile-form'] },
      `<authing-profile-form id="pf" ${clientAttrs(srv)} fields="nickname" ${bindings(events)} />`, { events });
    const pf = host.querySelector('#pf');
    await untilEvent(got, 'load', 'error');
    const focused = focusNickname(pf.querySelector('#authing-field-nickname'));
    await simulate.sleep(0);
    const popup = openPopup(pf);
    expect(privacy().state.asked).toEqual(['input.nickname']);
    await tapOpenType(popup.querySelector('#authing-privacy-agree'));
    await expect(focused).resolves.toBe(true);
    expect(got.filter((e) => e.name === 'privacy')).toEqual([{ name: 'privacy', detail: { agreed: true } }]);
  });
});

test('placed by the host on a page without kit components: wx.requirePrivacyAuthorize → popup → agree → success', async () => {
  enablePrivacy();
  const { host, events } = mount({ 'authing-privacy-popup': ids['privacy-popup'] },
    `<authing-privacy-popup id="p" lang="en-US" ${bindings(['privacy'])} />`, { events: ['privacy'] });
  const popup = host.querySelector('#p');
  await simulate.sleep(0);
  expect(popup.data.open).toBe(false);
  const asked = wx.requirePrivacyAuthorize();
  await simulate.sleep(0);
  expect(popup.data.open).toBe(true);
  expect(popup.data.bodyText).toBe('Before you use this feature, please read and accept the 《Authing 演示小程序隐私保护指引》. Accepting continues what you just did.');
  await tapOpenType(popup.querySelector('#authing-privacy-agree'));
  await expect(asked).resolves.toEqual({ errMsg: 'requirePrivacyAuthorize:ok' });
  expect(events).toEqual([{ name: 'privacy', detail: { agreed: true } }]);
  expect((await wx.getPrivacySetting()).needAuthorization).toBe(false);
});
