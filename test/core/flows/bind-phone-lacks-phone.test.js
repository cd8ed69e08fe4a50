// lacksPhone (core/flows/bind-phone): whether <authing-login>'s bind-phone step asks a fresh WeChat login for a
// phone. Display claims without a phone (the scope did not ask for it) say nothing: the profile is read; a
// scope listing `phone` first is read from the id_token; a client whose profile read answers nothing counts
// as "no phone". Real client logged in by WeChat, isolated devserver over HTTP.
const { lacksPhone } = require('../../helpers/kit').internal('core/flows/bind-phone');
const { loginDetail } = require('../../helpers/kit').internal('core/flows/login-requests');
const { useFlowServer } = require('./flow-host');

const env = useFlowServer();
let seq = 0;
const profileReads = () => env.srv.requests.filter((r) => r.path === '/api/v3/get-profile').length;

/** A WeChat login: by phone (the user then has that phone) or by code (a phoneless user); `scope` if given. */
async function wechatLogin({ phone, scope } = {}) {
  wx.clearStorageSync();
  wx.__control.openid = `lacks-phone-${process.pid}-${++seq}`;
  const client = env.client();
  const idp = env.srv.config.wechatIdpIdentifier;
  const options = scope ? { options: { scope } } : {};
  let answer;
  if (phone) {
    const { code } = await env.dev.post('/__dev/wx/phone-code', { phoneNumber: phone });
    answer = await client.loginByPhone({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code } }, ...options });
  } else {
    answer = await client.loginByCode({ extIdpConnidentifier: idp, ...options });
  }
  const [err, loginState] = answer;
  if (err) throw new Error(err.message);
  return { client, loginState };
}

test('a login event with display claims that carry no phone (default scope): the profile is read, and a user who has one is not asked', async () => {
  const phone = `1320000${String(1000 + ++seq).slice(-4)}`;
  const { client, loginState } = await wechatLogin({ phone });
  const detail = await loginDetail(client, 'wechat', loginState, true);
  expect(detail.userInfoSource).toBe('claims');
  expect(detail.userInfo.phone).toBeFalsy();
  const before = profileReads();
  expect(await lacksPhone(client, detail)).toBe(false);
  expect(profileReads()).toBe(before + 1);
});

test('a scope with `phone` listed first: read from the id_token, no profile read', async () => {
  const { client, loginState } = await wechatLogin({ scope: 'phone openid profile' });
  expect(loginState.scope.split(' ')[0]).toBe('phone');
  const before = profileReads();
  expect(await lacksPhone(client, { method: 'wechat', loginState })).toBe(true);
  expect(profileReads()).toBe(before);
});

test('a client whose profile read answers nothing: counted as no phone (the step asks)', async () => {
  const { client: real, loginState } = await wechatLogin();
  let reads = 0;
  const client = new Proxy(real, {
    get: (target, key) => (key === 'getUserInfo'
      ? () => { reads += 1; return Promise.resolve([null, null]); }
      : typeof target[key] === 'function' ? target[key].bind(target) : target[key]),
  });
  expect(await lacksPhone(client, { method: 'wechat', loginState })).toBe(true);
  expect(reads).toBe(1);
});
