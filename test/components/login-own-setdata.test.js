// <authing-login> re-renders when `agreements` or `lang` is set on the component ITSELF (its own
// setData, e.g. from a behavior or selectComponent), not only through the host page's data binding:
// the host page's setData re-renders the component anyway and would hide a missing observer.
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns } = require('../helpers/mp');
const { shared } = require('../helpers/server');
const core = require('../../miniprogram_dist/index');

const EVENTS = ['login', 'error', 'send-code', 'tab-change', 'cancel', 'agreement-tap'];
const PROPS = `app-id="${shared.appId}" user-pool-id="${shared.userPoolId}" host="${shared.url}"`;
const AGREEMENTS = [{ title: '用户协议', url: '/pages/terms/index' }, { title: '隐私政策', url: 'https://example.com/privacy' }];

let tag;
const mounted = [];
beforeAll(() => { tag = loadKitComponent('login'); });
beforeEach(() => { wx.__control.storage.clear(); clearCountdowns(); });
afterEach(() => { while (mounted.length) mounted.pop().detach(); core.setDefaultClient(undefined); });

function render(attrs) {
  const { host, events } = mount({ 'authing-login': tag }, `<authing-login id="login" ${attrs} ${bindings(EVENTS)} />`, { events: EVENTS });
  mounted.push(host);
  const login = host.querySelector('#login');
  return { host, login, events, ...userActions(host, login, events), data: () => login.instance.data };
}

test('agreements set on the component after mount: the consent row appears and gates the next action', async () => {
  const ui = render(`${PROPS} fetch-user-info="{{false}}"`);
  expect(ui.text()).not.toContain('《用户协议》');
  expect(ui.data().consentRequired).toBe(false);
  ui.login.instance.setData({ agreements: AGREEMENTS });
  await simulate.sleep(0);
  expect(ui.data().consentRequired).toBe(true);
  expect(ui.text()).toContain('《用户协议》');
  await ui.type('authing-account', 'demo');
  await ui.type('authing-password', 'Demo@123456');
  const mark = wx.__control.log.length;
  await ui.tap('authing-submit-password');
  expect(ui.q('authing-consent').data.visible).toBe(true);
  expect(wx.__control.log.slice(mark)).toHaveLength(0);
});

test('lang set on the component after mount: the texts switch, the tab and typed values stay', async () => {
  const ui = render(`${PROPS} default-method="sms"`);
  await ui.type('authing-phone', '13800000000');
  expect(ui.text()).not.toContain('Send code');
  ui.login.instance.setData({ lang: 'en-US' });
  await simulate.sleep(0);
  expect(ui.text()).toContain('Send code');
  expect(ui.data().method).toBe('sms');
  expect(ui.value('authing-phone')).toBe('13800000000');
});
