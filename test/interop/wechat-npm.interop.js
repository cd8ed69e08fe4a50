// WeChat's own 构建 npm as a consumer runs it: a fresh native app installs the packed tarball,
// miniprogram-ci's packNpmManually (DevTools' 构建 npm) lays out miniprogram_npm/, and analyseCode
// (WeChat's dependency graph) finds every reference — with the login page in the main package and
// in a subpackage (分包), as the README documents.
const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');
const { promisify } = require('util');
const { WORK } = require('./paths');
const { readExamples } = require('../readme/examples');

const tarball = () => path.join(WORK, fs.readdirSync(WORK).find((f) => f.endsWith('.tgz')));
const KIT_NPM = 'miniprogram_npm/authing-miniapp-kit';

test.each([
  ['the main package', 'loginNone', 'pages/index/index'],
  ['the main package, with the RSA encryptor and all four components', 'fourComponentsRsa', 'pages/index/index'],
  ['a subpackage', 'loginSubpackage', 'account/login/index'],
])('login page in %s: 构建 npm, then analyseCode finds no unresolved reference', async (where, name, page) => {
  const dir = path.join(WORK, 'wechat', name);
  fs.rmSync(`${dir}.json`, { force: true });
  await promisify(execFile)(process.execPath, [path.join(__dirname, 'wechat-npm-report.js'), tarball(), name, dir], { maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(fs.readFileSync(`${dir}.json`, 'utf8'));
  expect(report.errors).toEqual([]);
  const reachable = report.reachable.map((f) => f.path.replace(/^\//, ''));
  // The page, the login component and the one core bundle it requires are in WeChat's graph.
  expect(reachable).toEqual(expect.arrayContaining([`${page}.js`, `${KIT_NPM}/components/login/index.js`, `${KIT_NPM}/index.js`]));
  // No crypto package beside the kit: the encryptors are inlined in their opt-in entries.
  expect(reachable.filter((f) => /miniprogram_npm\/(jsencrypt|sm-crypto)\//.test(f))).toEqual([]);
  // The subpackage app is laid out as the README shows (its app.json, word for word as JSON).
  if (name === 'loginSubpackage') {
    const readmeAppJson = readExamples().find((e) => e.kind === 'wechat-file' && e.name === 'app.json').blocks[0].code;
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))).toEqual(JSON.parse(readmeAppJson));
  }
  if (name === 'fourComponentsRsa') expect(reachable).toEqual(expect.arrayContaining([`${KIT_NPM}/crypto/rsa.js`, `${KIT_NPM}/account.js`]));
});
