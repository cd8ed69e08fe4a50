// <authing-mfa> on its own page: the page signs in with the headless client (here: one of the devserver's
// MFA demo users) and, when the server asks for MFA, hands the challenge to the component. Inside
// <authing-login> none of this is needed: the login shows the same step in place.
const { getDefaultClient } = require('authing-miniapp-kit');
const { readMfaChallenge } = require('authing-miniapp-kit/journey');

const PASSWORD = 'Demo@123456';

Page({
  data: {
    challenge: null,
    busy: '',
    message: '',
  },

  async onSignIn(e) {
    const account = e.currentTarget.dataset.account;
    this.setData({ busy: account, message: '' });
    const [err] = await getDefaultClient().loginByPassword({ passwordPayload: { account, password: PASSWORD } });
    // The challenge (with its short-lived mfaToken) lives in page data only.
    const challenge = readMfaChallenge(err);
    this.setData({ busy: '', challenge, message: challenge ? '' : (err ? err.message : '该账号未开启 MFA') });
  },

  onLogin(e) {
    // e.detail: { method, loginState, userInfo, mfa } — mfa: the factor the user proved
    console.log('[demo] mfa login', e.detail.mfa);
    wx.redirectTo({ url: '/pages/me/index' });
  },

  onNavigate() {
    // "Back to login", or the step timed out: start again.
    this.setData({ challenge: null });
  },
});
