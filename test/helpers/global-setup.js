// Starts one devserver for the whole run (fresh in-memory store) and hands its URL to the
// test workers through the environment. Files that need isolation (fault injection, clock
// changes) start their own with `startDevServer()` from ./server.
const { createDevServer } = require('../../devserver');
const { TEST_SERVER_OPTIONS } = require('./server');

module.exports = async () => {
  const srv = await createDevServer({ port: 0, log: false, ...TEST_SERVER_OPTIONS });
  globalThis.__AUTHING_DEVSERVER__ = srv;
  process.env.AUTHING_DEVSERVER_URL = srv.url;
  process.env.AUTHING_APP_ID = srv.config.appId;
  process.env.AUTHING_USERPOOL_ID = srv.config.userPoolId;
  process.env.AUTHING_WECHAT_IDP = srv.config.wechatIdpIdentifier;
};
