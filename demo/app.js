// The app creates ONE Authing client and registers it as the default: every <authing-*> component
// without its own app-id / user-pool-id properties uses it, and pages reach it with getDefaultClient().
const { Authing, setDefaultClient } = require('authing-miniapp-kit');
const config = require('./config');

setDefaultClient(new Authing(config));

App({
  globalData: {
    config,
  },
});
