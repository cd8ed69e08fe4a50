#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * CLI: `node devserver/bin.js [--port 3000] [--data devserver/data/db.json | --memory]`.
 * PORT env works too. Data persists in the data file between runs.
 */

const path = require('path');
const { createDevServer, DEMO_USER } = require('./index');
const { mfaBanner } = require('./mfa');

const USAGE = `usage: node devserver/bin.js [--port <n>] [--data <file> | --memory] [--quiet]
  --port <n>     listen port (default: $PORT or 3000; 0 = any free port)
  --data <file>  data file (default: devserver/data/db.json)
  --memory       keep everything in memory, nothing written
  --quiet        do not log requests and codes`;

/**
 * @param {string[]} argv
 * @returns {{port: number, dataFile: string|null, log: boolean}}
 */
function parseArgs(argv) {
  const out = {
    port: Number(process.env.PORT || 3000),
    dataFile: /** @type {string|null} */ (path.join(__dirname, 'data', 'db.json')),
    log: true,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port') out.port = Number(value());
    else if (flag === '--data') out.dataFile = path.resolve(String(value()));
    else if (flag === '--memory') out.dataFile = null;
    else if (flag === '--quiet') out.log = false;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`unknown argument: ${arg}\n${USAGE}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    console.error(`invalid port: ${out.port}\n${USAGE}`);
    process.exit(2);
  }
  return out;
}

/**
 * @param {string[]} argv
 * @param {{ mounts?: import('./config').DevServerConfig['mounts'], banner?: (url: string) => string }} [extra]
 *   used by scripts/start.js to add the browser preview
 */
async function main(argv, extra = {}) {
  const args = parseArgs(argv);
  const srv = await createDevServer({
    port: args.port, dataFile: args.dataFile, log: args.log, seed: true, mounts: extra.mounts,
  });
  const c = srv.config;
  console.log(`
Authing dev server listening on ${srv.url}
  host (SDK "host")        ${srv.url}
  appId                    ${c.appId}
  userPoolId               ${c.userPoolId}
  extIdpConnidentifier     ${c.wechatIdpIdentifier}
  data                     ${c.dataFile || '(in memory)'}

Demo account (password login, or SMS / email code login):
  username ${DEMO_USER.username} · phone ${DEMO_USER.phone} · email ${DEMO_USER.email} · password ${DEMO_USER.password}
${mfaBanner(srv.url, c)}
Use it: new Authing({ appId: '${c.appId}', userPoolId: '${c.userPoolId}', host: '${srv.url}' })
SMS / email codes are printed below and listed at ${srv.url}/__dev/sms
WeChat simulation: POST ${srv.url}/__dev/wx/login {"openid":"..."} -> {code}
${extra.banner ? extra.banner(srv.url) : ''}Press Ctrl+C to stop.
`);
  const stop = () => {
    srv.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

module.exports = { main };

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err && err.message ? err.message : err);
    process.exit(1);
  });
}
