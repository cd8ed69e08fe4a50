// <authing-register> on its own page: sign-up by username / email + password or by a phone / email code,
// with a nickname; the component signs the new user in right after (`register`, then `login`).
Page({
  data: {
    lang: 'zh-CN',
    methods: ['password', 'sms', 'email'],
    agreements: [
      { title: '用户协议', url: 'https://www.authing.cn/terms' },
      { title: '隐私政策', url: 'https://www.authing.cn/privacy' },
    ],
  },

  // ?lang=en-US shows the component in English (the preview checks both languages)
  onLoad(query) {
    if (query && query.lang) this.setData({ lang: query.lang });
  },

  onRegister(e) {
    // e.detail: { method, user: { id, username?, email?, phone? } }
    console.log('[demo] registered', e.detail.method, e.detail.user.id);
  },

  onLogin() {
    wx.showToast({ title: '注册成功', icon: 'success' });
    wx.redirectTo({ url: '/pages/me/index' });
  },

  onNavigate(e) {
    // e.detail: { to: 'login' } — the "log in" link of the standalone form.
    if (e.detail.to === 'login') wx.redirectTo({ url: '/pages/login/index' });
  },

  onAgreementTap(e) {
    const { title, url } = e.detail;
    wx.showModal({ title, content: `在这里打开 ${url}（例如用 web-view 页面）`, showCancel: false });
  },
});
