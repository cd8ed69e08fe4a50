// <authing-login> with every method and agreements. The component uses the client app.js
// registered with setDefaultClient(); on success we go to the "me" page.
const config = require('../../config');

Page({
  data: {
    methods: ['password', 'sms', 'wechat'],
    idp: config.extIdpConnidentifier,
    agreements: [
      { title: '用户协议', url: 'https://www.authing.cn/terms' },
      { title: '隐私政策', url: 'https://www.authing.cn/privacy' },
    ],
  },

  onLogin(e) {
    // e.detail: { method, loginState, userInfo, mfa? } (mfa: the factor, after the MFA step)
    const { method, userInfo, mfa } = e.detail;
    console.log('[demo] login', method, mfa || '', userInfo && userInfo.userId);
    wx.showToast({ title: '登录成功', icon: 'success' });
    wx.redirectTo({ url: '/pages/me/index' });
  },

  onError(e) {
    // e.detail: { method, error }; the component already shows the message.
    console.warn('[demo] login error', e.detail.method, e.detail.error && e.detail.error.message);
  },

  onAgreementTap(e) {
    const { title, url } = e.detail;
    wx.showModal({ title, content: `在这里打开 ${url}（例如用 web-view 页面）`, showCancel: false });
  },
});
