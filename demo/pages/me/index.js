// The signed-in state through the core client that app.js shared with setDefaultClient():
// getLoginState(), getUserInfo(), refreshToken() and logout(). Every call resolves to [error, data].
const { getDefaultClient } = require('authing-miniapp-kit');
const Toast = require('tdesign-miniprogram/toast/index').default;

function pad(n) {
  return n < 10 ? `0${n}` : String(n);
}

function formatTime(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function stateView(s) {
  return {
    tokenType: s.token_type || 'Bearer',
    scope: s.scope || '—',
    expiresAt: formatTime(s.expires_at),
    hasRefresh: !!s.refresh_token,
  };
}

Page({
  data: {
    loggedIn: false,
    state: {},
    user: {},
    busy: '',
    message: '',
  },

  onShow() {
    this.load();
  },

  async load() {
    const client = getDefaultClient();
    const [stateErr, state] = await client.getLoginState();
    if (stateErr) {
      // not_logged_in / login_expired: show the way to the login page
      this.setData({ loggedIn: false, user: {}, message: stateErr.code === 'login_expired' ? '登录已过期，请重新登录' : '' });
      return;
    }
    const [userErr, user] = await client.getUserInfo();
    if (userErr) {
      this.setData({ loggedIn: false, user: {}, message: userErr.message });
      return;
    }
    this.setData({ loggedIn: true, state: stateView(state), user, message: '' });
  },

  async onRefresh() {
    this.setData({ busy: 'refresh' });
    const [err, state] = await getDefaultClient().refreshToken();
    this.setData({ busy: '' });
    if (err) {
      Toast({ context: this, selector: '#t-toast', message: err.message, theme: 'error' });
      return;
    }
    this.setData({ state: stateView(state) });
    Toast({ context: this, selector: '#t-toast', message: '令牌已刷新', theme: 'success' });
  },

  async onLogout() {
    this.setData({ busy: 'logout' });
    const [err] = await getDefaultClient().logout();
    if (err) {
      // The token could not be revoked, so the client kept the login state: still signed in, say why.
      this.setData({ busy: '' });
      Toast({ context: this, selector: '#t-toast', message: err.message, theme: 'error' });
      return;
    }
    this.setData({ busy: '', loggedIn: false, state: {}, user: {}, message: '已退出登录' });
  },

  goLogin() {
    wx.navigateTo({ url: '/pages/login/index' });
  },
});
