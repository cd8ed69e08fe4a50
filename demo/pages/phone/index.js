// <authing-phone-button> in both modes: get-phone (read the number) and login (sign in with it).
const config = require('../../config');

Page({
  data: {
    idp: config.extIdpConnidentifier,
    agreements: [{ title: '用户协议', url: 'https://www.authing.cn/terms' }],
    phone: '',
    log: '',
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

  onCancel(e) {
    this.setData({ log: `cancel: ${e.detail.reason}` });
  },

  onError(e) {
    this.setData({ log: `error (${e.detail.code}): ${e.detail.message}` });
  },
});
