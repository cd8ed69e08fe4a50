// <authing-profile-form>: loads the signed-in user's profile and saves the changed fields.
Page({
  data: {
    lang: 'zh-CN',
    needLogin: false,
    log: '',
  },

  // ?lang=en-US shows the component in English (the preview checks both languages)
  onLoad(query) {
    if (query && query.lang) this.setData({ lang: query.lang });
  },

  onProfileLoad(e) {
    // e.detail: { userInfo }
    this.setData({ needLogin: false, log: '' });
    console.log('[demo] profile loaded', e.detail.userInfo && e.detail.userInfo.userId);
  },

  onSave(e) {
    // e.detail: { userInfo, changed: ['nickname', ...] }
    wx.showToast({ title: '已保存', icon: 'success' });
    this.setData({ log: `saved: ${e.detail.changed.join(', ') || '(nothing changed)'}` });
  },

  // The nickname input is a privacy API: the form's built-in popup asked first.
  onPrivacy(e) {
    this.setData({ log: `privacy: ${e.detail.agreed ? 'agreed' : 'declined'}` });
  },

  onError(e) {
    // e.detail: { action: 'load' | 'validate' | 'save', code, message, error, fields? } (components/EVENTS.md)
    const code = e.detail.code;
    this.setData({
      needLogin: code === 'not_logged_in' || code === 'login_expired' || code === 'refresh_expired',
      log: `${e.detail.action}: ${e.detail.message}`,
    });
  },

  goLogin() {
    wx.navigateTo({ url: '/pages/login/index' });
  },
});
