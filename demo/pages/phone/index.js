// <authing-phone-button> in both modes: get-phone (read the number) and login (sign in with it).
const config = require('../../config');

Page({
  data: {
    lang: 'zh-CN',
    idp: config.extIdpConnidentifier,
    agreements: [{ title: '用户协议', url: 'https://www.authing.cn/terms' }],
    phone: '',
    log: '',
  },

  // ?lang=en-US shows the component in English (the preview checks both languages)
  onLoad(query) {
    if (query && query.lang) this.setData({ lang: query.lang });
  },

  onPhone(e) {
    // e.detail: { phoneInfo: { phoneNumber, purePhoneNumber, countryCode, ... } }
    const info = e.detail.phoneInfo || {};
    this.setData({ phone: `+${info.countryCode || '86'} ${info.purePhoneNumber || info.phoneNumber}`, log: '' });
  },

  onLogin() {
    wx.showToast({ title: '登录成功', icon: 'success' });
    wx.redirectTo({ url: '/pages/me/index' });
  },

  // WeChat's privacy authorization answered in the kit's built-in popup (first use of the phone number)
  onPrivacy(e) {
    this.setData({ log: `privacy: ${e.detail.agreed ? 'agreed' : 'declined'}` });
  },

  onCancel(e) {
    this.setData({ log: `cancel: ${e.detail.reason}` });
  },

  onError(e) {
    this.setData({ log: `error (${e.detail.code}): ${e.detail.message}` });
  },
});
