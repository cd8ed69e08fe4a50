// Globals every test file gets: the WeChat-ish `getApp`/`getCurrentPages` tdesign needs, and a
// `wx` whose network, storage, login and random APIs really work against the shared devserver.
// miniprogram-simulate later does `global.wx = Object.assign(itsMock, global.wx)`, so what is
// defined here wins over its stubs while its other mocks (showToast, createSelectorQuery...) stay.
const { createWxShim } = require('../../devserver/wx-shim');
const { createNodeTransport } = require('../../devserver/wx-shim/node-transport');

global.getApp = () => ({ globalData: {} });
global.getCurrentPages = () => [];

const shim = createWxShim({ baseUrl: process.env.AUTHING_DEVSERVER_URL, transport: createNodeTransport() });
global.wx = Object.assign(shim, {
  // t-navbar only; absent from simulate's mock
  onMenuButtonBoundingClientRectWeightChange() {},
  offMenuButtonBoundingClientRectWeightChange() {},
});

// Like an app.ts that uses every opt-in module: the account methods, English messages and both
// password encryptors register with the core here. Tests of a core WITHOUT them load a fresh copy
// with jest.isolateModules (test/core/opt-in.test.js).
for (const entry of ['account', 'journey', 'i18n/en-US', 'crypto/rsa', 'crypto/sm2']) require(`../../miniprogram_dist/${entry}`);
