// Shared by the <authing-account> flow tests: the flow's classes, its zh-CN texts, and one devserver per
// test file (1 s send cooldown) with the wx shim pointed at it and storage cleared before each test.
const { startDevServer } = require('../../helpers/server');
const { internal } = require('../../helpers/kit');

const { AccountFlow } = internal('core/flows/account-flow');
const { CountdownStore } = internal('core/flows/countdown');
const T = internal('components/account/texts').ACCOUNT_TEXTS['zh-CN'];

/** Registers the file's hooks; `use(srv)` receives the server once it runs. */
function useAccountServer(use) {
  let srv;
  beforeAll(async () => {
    srv = await startDevServer({ sendCooldown: 1 });
    wx.__control.baseUrl = srv.url;
    use(srv);
  });
  afterAll(() => srv.close());
  beforeEach(() => wx.clearStorageSync());
}

module.exports = { AccountFlow, CountdownStore, T, useAccountServer };
