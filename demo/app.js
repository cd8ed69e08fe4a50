// The app creates ONE Authing client and registers it as the default: every <authing-*> component
// without its own app-id / user-pool-id properties uses it, and pages reach it with getDefaultClient().
const { Authing, setDefaultClient } = require('authing-miniapp-kit');
// Opt-in modules this demo uses: RSA for the English page's encrypt="rsa", the account methods (email-code
// tab, avatar upload) and the English messages. A page that needs none of them ships only the core.
require('authing-miniapp-kit/crypto/rsa');
require('authing-miniapp-kit/account');
require('authing-miniapp-kit/i18n/en-US');
const config = require('./config');

setDefaultClient(new Authing(config));

App({
  globalData: {
    config,
  },
});
