// <authing-bind-phone> on its own page (完善信息): a logged-in user binds a phone by SMS code, or skips.
// The demo login page shows the same step in place after a WeChat login (phone-binding="optional").
Page({
  data: { lang: 'zh-CN', log: '' },

  // ?lang=en-US shows the component in English (the preview checks both languages)
  onLoad(query) {
    if (query && query.lang) this.setData({ lang: query.lang });
  },

  onBind() {
    wx.showToast({ title: '已绑定', icon: 'success' });
    wx.redirectTo({ url: '/pages/me/index' });
  },

  onSkip() {
    wx.redirectTo({ url: '/pages/me/index' });
  },

  onError(e) {
    this.setData({ log: `error (${e.detail.code}): ${e.detail.message}` });
  },
});
