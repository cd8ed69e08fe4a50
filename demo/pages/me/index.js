// The signed-in state through the core client that app.js shared with setDefaultClient():
// getLoginState(), getUserInfo() and refreshToken(), every call resolving to [error, data]; and
// <authing-account> for the account & security part (phone, email, password, deletion, logout).
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

/** What the page says after the account component ended the session. */
const SIGNED_OUT = { logout: '已退出登录', 'account-delete': '账号已注销' };

Page({
  data: {
    lang: 'zh-CN',
    loggedIn: false,
    state: {},
    user: {},
    busy: '',
    message: '',
  },

  // ?lang=en-US shows the account component in English (the preview checks both languages)
  onLoad(query) {
    if (query && query.lang) this.setData({ lang: query.lang });
  },

  onShow() {
    // Back from the login page: the account component reads the new login too.
    if (this.shownBefore) {
      const account = this.selectComponent('#account');
      if (account && account.reload) account.reload();
    }
    this.shownBefore = true;
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

  // <authing-account> events (components/EVENTS.md)
  onAccountChange(e) {
    // e.detail: { action: 'update-password' | 'bind-phone' | 'update-phone' | 'bind-email' | 'update-email', userInfo? }
    if (e.detail.userInfo) this.setData({ user: e.detail.userInfo });
  },

  /** `logout` / `account-delete`: the login state is gone; the component already says so, the page follows. */
  onSignedOut(e) {
    this.setData({ loggedIn: false, state: {}, user: {}, message: SIGNED_OUT[e.type] || '' });
  },

  onAccountError(e) {
    // e.detail: { action, code, message, error, fields? }; the component shows the message itself
    const code = e.detail.code;
    if (code === 'not_logged_in' || code === 'login_expired' || code === 'refresh_expired') this.setData({ loggedIn: false, user: {} });
  },

  goLogin() {
    wx.navigateTo({ url: '/pages/login/index' });
  },
});
