// <authing-profile-form>: loads the signed-in user's profile and saves the changed fields.
Page({
  data: {
    needLogin: false,
    log: '',
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
