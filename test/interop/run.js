#!/usr/bin/env node
// `node test/interop/run.js` (from .ci/run; builds the kit when miniprogram_dist/ is absent): packs the kit, builds the
// Taro 4 and uni-app 3 test apps from the README's snippets with that tarball (pinned toolchains,
// committed lockfiles), installs the tarball alone in a fresh folder, then runs the interop checks
// (jest -c test/interop/jest.config.js, in band: the bundler runs would starve the logins' requests),
// including WeChat's own 构建 npm + analyseCode on native consumer apps of the same tarball. INTEROP_REUSE=1 keeps already installed app node_modules.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { writeReadmeFiles, readmeTaroConfigLines, readmeCommand, APPS } = require('./readme-files');
const { WORK, FRESH, ROOT } = require('./paths');

const LOGS = path.join(WORK, 'logs');

function sh(command, cwd, log) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(path.join(LOGS, `${log}.log`), 'a');
    fs.writeSync(out, `$ ${command}\n`);
    const child = spawn(command, { cwd, shell: true, stdio: ['ignore', out, out], env: { ...process.env, CI: 'true' } });
    child.on('close', (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else {
        const tail = fs.readFileSync(path.join(LOGS, `${log}.log`), 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${log}: \`${command}\` exited ${code}\n${tail}`));
      }
    });
  });
}

async function timed(label, fn) {
  const started = Date.now();
  await fn();
  console.log(`interop: ${label} ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// Taro's lockfile cannot hold @tarojs/binding's macOS / Windows optional packages (the registry here
// does not serve them), which `npm ci` insists on: the Taro app installs its lockfile with
// `npm install --no-save` instead, which installs the same pinned tree.
async function installApp(dir, log, tarball, { ci = true } = {}) {
  if (!(process.env.INTEROP_REUSE && fs.existsSync(path.join(dir, 'node_modules')))) {
    await sh(ci ? 'npm ci --no-audit --no-fund' : 'npm install --no-save --no-audit --no-fund', dir, log);
  }
  await sh(`npm install --no-save --no-audit --no-fund ${JSON.stringify(tarball)}`, dir, log);
}

async function main() {
  fs.rmSync(LOGS, { recursive: true, force: true });
  fs.mkdirSync(LOGS, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'miniprogram_dist'))) await sh('npx gulp build', ROOT, 'kit');
  for (const f of fs.readdirSync(WORK)) if (f.endsWith('.tgz')) fs.rmSync(path.join(WORK, f));
  await sh(`npm pack --pack-destination ${JSON.stringify(WORK)}`, ROOT, 'kit');
  const tarball = path.join(WORK, fs.readdirSync(WORK).find((f) => f.endsWith('.tgz')));

  console.log(`interop: README files → ${writeReadmeFiles().join(', ')}`);
  const config = fs.readFileSync(path.join(APPS['taro-file'], 'config/index.js'), 'utf8');
  for (const line of readmeTaroConfigLines()) {
    if (!config.includes(`${line}\n`)) throw new Error(`test/interop/taro-app/config/index.js lacks the README line: ${line}`);
  }

  const taro = timed('Taro app: install + build', async () => {
    await installApp(APPS['taro-file'], 'taro', tarball, { ci: false });
    fs.rmSync(path.join(APPS['taro-file'], 'dist'), { recursive: true, force: true });
    await sh('npx taro build --type weapp', APPS['taro-file'], 'taro');
  });
  const uni = timed('uni-app: install + wxcomponents + build', async () => {
    await installApp(APPS['uni-file'], 'uni', tarball);
    await sh(readmeCommand('npx authing-miniapp-kit wxcomponents'), APPS['uni-file'], 'uni');
    fs.rmSync(path.join(APPS['uni-file'], 'dist'), { recursive: true, force: true });
    await sh('npx uni build -p mp-weixin', APPS['uni-file'], 'uni');
  });
  const fresh = timed('fresh folder: npm install <tarball>', async () => {
    fs.rmSync(FRESH, { recursive: true, force: true });
    fs.mkdirSync(FRESH, { recursive: true });
    fs.writeFileSync(path.join(FRESH, 'package.json'), '{ "name": "fresh-app", "private": true }\n');
    await sh(`npm install --no-audit --no-fund ${JSON.stringify(tarball)}`, FRESH, 'fresh');
  });
  await Promise.all([taro, uni, fresh]);

  await timed('checks', () => sh('npx jest -c test/interop/jest.config.js --runInBand', ROOT, 'jest').catch((err) => {
    process.stdout.write(fs.readFileSync(path.join(LOGS, 'jest.log'), 'utf8'));
    throw err;
  }));
  process.stdout.write(fs.readFileSync(path.join(LOGS, 'jest.log'), 'utf8').split('\n').filter((l) => /passed|failed|✓|✕/.test(l)).join('\n') + '\n');
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
