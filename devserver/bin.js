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

const USAGE = `usage: node devserver/bin.js [--port <n>] [--data <file> | --memory] [--quiet] [limits…]
  --port <n>                  listen port (default: $PORT or 3000; 0 = any free port)
  --data <file>               data file (default: devserver/data/db.json)
  --memory                    keep everything in memory, nothing written
  --quiet                     do not log requests and codes
  --cors-origin <origin>      also grant CORS to this origin (repeatable), e.g. http://localhost:5173
  --allowed-host <name>       also accept this Host name (repeatable); loopback names always are
  --captcha-after <n>         wrong passwords for one account before a captcha is required (default 3, 0 = never)
  --client-captcha-after <n>  wrong passwords from one client, any account, before a captcha (default 10, 0 = never)
  --lockout-after <n>         wrong passwords that lock an account (default 5, 0 = never)
  --lockout-seconds <n>       how long a lock lasts (default 600)
  --passcode-attempts <n>     wrong tries one SMS / email code survives (default 5)
  --send-cooldown <n>         seconds between two codes to one phone / email (default 60)`;

/** Numeric flags → createDevServer options. */
const NUMBER_FLAGS = Object.freeze({
  '--captcha-after': 'captchaAfter',
  '--client-captcha-after': 'clientCaptchaAfter',
  '--lockout-after': 'lockoutAfter',
  '--lockout-seconds': 'lockoutSeconds',
  '--passcode-attempts': 'passcodeMaxAttempts',
  '--send-cooldown': 'sendCooldown',
});

/**
 * @param {string[]} argv
 * @returns {{port: number, dataFile: string|null, log: boolean, limits: Record<string, number>, corsOrigins: string[], allowedHosts: string[]}}
 */
function parseArgs(argv) {
  const out = {
    port: Number(process.env.PORT || 3000),
    dataFile: /** @type {string|null} */ (path.join(__dirname, 'data', 'db.json')),
    log: true,
    /** @type {Record<string, number>} */
    limits: {},
    /** @type {string[]} */
    corsOrigins: [],
    /** @type {string[]} */
    allowedHosts: [],
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port') out.port = Number(value());
    else if (flag === '--data') out.dataFile = path.resolve(String(value()));
    else if (flag === '--memory') out.dataFile = null;
    else if (flag === '--quiet') out.log = false;
    else if (flag === '--cors-origin') out.corsOrigins.push(String(value()));
    else if (flag === '--allowed-host') out.allowedHosts.push(String(value()));
    else if (flag in NUMBER_FLAGS) out.limits[NUMBER_FLAGS[/** @type {keyof typeof NUMBER_FLAGS} */ (flag)]] = Number(value());
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
    corsOrigins: args.corsOrigins, allowedHosts: args.allowedHosts, ...args.limits,
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

module.exports = { main, parseArgs };

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err && err.message ? err.message : err);
    process.exit(1);
  });
}
