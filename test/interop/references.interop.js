// Every usingComponents path, require/import, wxml import/include/wxs and wxss @import in the built
// Taro and uni-app apps resolves the way WeChat resolves it, and the README's page reaches the login.
const fs = require('fs');
const path = require('path');
const { TARO_DIST, UNI_DIST } = require('./paths');
const { allReferences, resolveComponent } = require('./wechat-refs');

describe.each([
  ['Taro', TARO_DIST],
  ['uni-app', UNI_DIST],
])('%s build output', (name, root) => {
  const refs = allReferences(root);

  test('every reference resolves', () => {
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !r.to).map((r) => `${r.from}: ${r.kind} ${r.spec}`)).toEqual([]);
  });

  test('every page of app.json exists and the index page uses the kit\'s login component', () => {
    const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
    for (const page of app.pages) {
      for (const ext of ['.js', '.json', '.wxml']) expect(fs.existsSync(path.join(root, page + ext))).toBe(true);
    }
    const pageJson = path.join(root, 'pages/index/index.json');
    const spec = JSON.parse(fs.readFileSync(pageJson, 'utf8')).usingComponents['authing-login'];
    const login = resolveComponent(root, pageJson, spec);
    expect(login).toMatch(/components[\\/]login[\\/]index$/);
    // The component's own children (TDesign) are among the resolved references.
    expect(refs.some((r) => r.to && /tdesign-miniprogram/.test(r.to) && /button[\\/]button$/.test(r.to))).toBe(true);
  });
});
