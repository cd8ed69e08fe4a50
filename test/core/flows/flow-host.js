// Shared by the component flow tests (core/flows/*-flow.ts): a recording host, and one isolated devserver
// per test file with a client factory over it.
const { startDevServer, loggedInServer, dev } = require('../../helpers/server');
const { format } = require('../../helpers/kit').internal('components/common/texts');
const { clientOrError } = require('../../helpers/kit').internal('components/common/client');

/** A host that counts renders, records events, words text keys with a component's zh-CN table (as the kit wrapper does) and hands out the client. */
function recordingHost(texts, { client, extra = {} } = {}) {
  const rec = { changes: 0, events: [] };
  const host = {
    getClient: () => (client ? [null, client] : clientOrError({}, texts.notConfigured)),
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    text: (key, params = {}) => {
      const p = { ...params };
      if (typeof p.field === 'string') p.field = texts[`field_${p.field}`] || p.field;
      return format(texts[key] === undefined ? key : texts[key], p);
    },
    ...extra,
  };
  return { host, rec };
}

/**
 * Registers the file's hooks for one isolated devserver: started before all tests, closed after them.
 * - `devOptions`: passed to startDevServer.
 * - `loggedIn`: start it with loggedInServer (the demo user logged in in the global wx's storage);
 *   `env.profile()` / `env.setProfile(body)` then read and write that user's profile over HTTP.
 * - `shimOpenid`: clients use a wx shim of their own (this openid, its storage cleared before each test)
 *   instead of the global wx, which is then left pointed at the shared devserver.
 * - `pointWx` (default true, without a shim): point the global wx's simulated WeChat at this server.
 * - `clearStorage`: clear the global wx's storage before each test.
 * - `clearFaults`: drop the server's injected faults after each test.
 * Returns `env` whose `srv`, `shim` and `dev` (server.js's dev() on this server) read the current ones,
 * and `client(extra)`: a new core client on this server (over the shim if there is one), `extra` merged in.
 */
function useFlowServer({ devOptions, loggedIn = false, shimOpenid, pointWx = true, clearStorage = false, clearFaults = false } = {}) {
  let srv;
  let shim;
  let login;
  beforeAll(async () => {
    if (loggedIn) {
      login = await loggedInServer(); // points the global wx at its server itself
      srv = login.srv;
    } else {
      srv = await startDevServer(devOptions);
      if (shimOpenid) {
        const { createWxShim } = require('../../../devserver/wx-shim');
        const { createNodeTransport } = require('../../../devserver/wx-shim/node-transport');
        shim = createWxShim({ baseUrl: srv.url, transport: createNodeTransport(), openid: shimOpenid });
      } else if (pointWx) {
        wx.__control.baseUrl = srv.url;
      }
    }
  });
  afterAll(() => srv.close());
  if (shimOpenid) beforeEach(() => shim.__control.storage.clear());
  if (clearStorage) beforeEach(() => wx.clearStorageSync());
  if (clearFaults) afterEach(() => dev(srv.url).del('/__dev/faults'));

  return {
    get srv() { return srv; },
    get shim() { return shim; },
    get dev() { return dev(srv.url); },
    client(extra = {}) {
      const { Authing, createWechatPlatform } = require('../../../miniprogram_dist/index');
      const platform = shim ? { platform: createWechatPlatform(shim) } : {};
      return new Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url, ...platform, ...extra });
    },
    profile: () => login.profile(),
    setProfile: (body) => login.setProfile(body),
  };
}

/** Detaches `flow` while `running` (its request) is on the wire: nothing renders or emits afterwards. */
async function expectSilentAfterDetach(flow, rec, running) {
  const renders = rec.changes;
  const events = rec.events.length;
  flow.detach();
  await running;
  expect(rec.changes).toBe(renders);
  expect(rec.events.length).toBe(events);
}

module.exports = { expectSilentAfterDetach, recordingHost, useFlowServer };
