// Shared by the <authing-account> flow tests: the flow's classes, its zh-CN texts, and one devserver per
// test file (1 s send cooldown) with the wx shim pointed at it and storage cleared before each test.
const { internal } = require('../../helpers/kit');
const { useFlowServer } = require('./flow-host');

const { AccountFlow } = internal('core/flows/account-flow');
const { CountdownStore } = internal('core/flows/countdown');
const T = internal('components/account/texts').ACCOUNT_TEXTS['zh-CN'];

/** Registers the file's hooks; `use(srv)` receives the server once it runs. */
function useAccountServer(use) {
  const env = useFlowServer({ devOptions: { sendCooldown: 1 }, clearStorage: true });
  beforeAll(() => { use(env.srv); }); // after useFlowServer's beforeAll, which starts it
  return env;
}

module.exports = { AccountFlow, CountdownStore, T, useAccountServer };
