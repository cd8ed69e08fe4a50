// <authing-avatar-uploader>: shows the user's photo, picks an image (WeChat's chooseAvatar), uploads
// it and updates the profile through the shared client.
const { getDefaultClient } = require('authing-miniapp-kit');

Page({
  data: {
    lang: 'zh-CN',
    url: '',
    loggedIn: true,
  },

  // ?lang=en-US shows the component in English (the preview checks both languages)
  onLoad(query) {
    if (query && query.lang) this.setData({ lang: query.lang });
  },

  async onShow() {
    const [err] = await getDefaultClient().getLoginState();
    this.setData({ loggedIn: !err });
  },

  onAvatarLoad(e) {
    // e.detail: { url, userInfo } once the current photo is read
    this.setData({ url: e.detail.url || '' });
  },

  onChange(e) {
    // e.detail: { url, userInfo }
    this.setData({ url: e.detail.url });
  },

  onError(e) {
    // e.detail: { action: 'load' | 'check' | 'upload', code, message, error } (components/EVENTS.md); the component shows the message.
    console.warn('[demo] avatar', e.detail.action, e.detail.message);
  },

  goLogin() {
    wx.navigateTo({ url: '/pages/login/index' });
  },
});
