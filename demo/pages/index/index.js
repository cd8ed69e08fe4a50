// Home: one entry per component demo, plus the current login state read from the shared client.
const { getDefaultClient } = require('authing-miniapp-kit');

Page({
  data: {
    host: '',
    loggedIn: false,
    displayName: '',
  },

  onLoad() {
    this.setData({ host: getDefaultClient().options.host });
  },

  onShow() {
    this.refreshState();
  },

  async refreshState() {
    const client = getDefaultClient();
    const [err] = await client.getLoginState();
    if (err) {
      this.setData({ loggedIn: false, displayName: '' });
      return;
    }
    const [, user] = await client.getUserInfo();
    this.setData({
      loggedIn: true,
      displayName: (user && (user.nickname || user.username || user.phone || user.email)) || '',
    });
  },
});
