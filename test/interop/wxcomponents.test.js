// `npx authing-miniapp-kit wxcomponents` (uni-app): the kit with its dependencies nested in
// miniprogram_npm/, only the files its components reach, every reference resolving by WeChat's rules.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { allReferences, listFiles } = require('./wechat-refs');

const ROOT = path.resolve(__dirname, '../..');
let app;
let kit;

beforeAll(() => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-wxcomponents-'));
  const out = execFileSync(process.execPath, [path.join(ROOT, 'tools/cli.js'), 'wxcomponents'], { cwd: app, encoding: 'utf8' });
  expect(out).toContain('src/wxcomponents/authing-miniapp-kit');
  kit = path.join(app, 'src/wxcomponents/authing-miniapp-kit');
});
afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

test('every component and the dependencies they use are laid out', () => {
  for (const c of ['login', 'phone-button', 'avatar-uploader', 'profile-form', 'privacy-popup', 'reset-password', 'register']) {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) expect(fs.existsSync(path.join(kit, 'components', c, `index${ext}`))).toBe(true);
  }
  expect(fs.existsSync(path.join(kit, 'miniprogram_npm', 'tdesign-miniprogram/button/button.js'))).toBe(true);
  // The opt-in entries are the kit's own bundles (jsbn / sm-crypto parts inlined): no crypto package is laid out.
  for (const entry of ['crypto/rsa.js', 'crypto/sm2.js', 'account.js', 'journey.js', 'i18n/en-US.js']) expect(fs.existsSync(path.join(kit, entry))).toBe(true);
  for (const dep of ['jsencrypt', 'sm-crypto', 'jsbn']) expect(fs.existsSync(path.join(kit, 'miniprogram_npm', dep))).toBe(false);
});

test('every reference resolves the way WeChat resolves it', () => {
  const refs = allReferences(path.join(app, 'src'));
  expect(refs.filter((r) => /miniprogram_npm/.test(r.to || '')).length).toBeGreaterThan(50);
  expect(refs.filter((r) => !r.to).map((r) => `${r.from}: ${r.spec}`)).toEqual([]);
});

test('only reached files: no TDesign component the kit does not use, no typings or source maps', () => {
  const files = listFiles(kit).map((f) => path.relative(kit, f));
  expect(files.filter((f) => /tdesign-miniprogram[\\/](calendar|swiper|chat-list)[\\/]/.test(f))).toEqual([]);
  expect(files.filter((f) => /\.d\.ts$|\.map$/.test(f))).toEqual([]);
});
