// <authing-login> in English with a brand colour (see index.wxss).
const config = require('../../config');

Page({
  data: {
    idp: config.extIdpConnidentifier,
    agreements: [
      { title: 'Terms of Service', url: 'https://www.authing.cn/terms' },
      { title: 'Privacy Policy', url: 'https://www.authing.cn/privacy' },
    ],
  },

  onLogin() {
    wx.showToast({ title: 'Signed in', icon: 'success' });
    wx.redirectTo({ url: '/pages/me/index' });
  },

  onError(e) {
    console.warn('[demo] login error', e.detail.error && e.detail.error.message);
  },
});
