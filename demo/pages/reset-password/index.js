// <authing-reset-password> on its own page: after the reset, back to the login page; "back to login"
// likewise. The component uses the client app.js registered with setDefaultClient().

Page({
  data: { lang: 'zh-CN' },

  // ?lang=en-US shows the component in English (the preview checks both languages)
  onLoad(query) {
    if (query && query.lang) this.setData({ lang: query.lang });
  },

  onReset(e) {
    // e.detail: { method: 'sms' | 'email', account } — never the password, a code or the reset token.
    console.log('[demo] password reset', e.detail.method, e.detail.account);
    wx.showToast({ title: '密码已重置', icon: 'success' });
    wx.redirectTo({ url: '/pages/login/index' });
  },

  onNavigate(e) {
    if (e.detail.to === 'login') wx.redirectTo({ url: '/pages/login/index' });
  },

  onError(e) {
    // The component already shows the message (on its field, or below the form).
    console.warn('[demo] reset error', e.detail.action, e.detail.message);
  },
});
