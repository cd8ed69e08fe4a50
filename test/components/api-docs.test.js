// The README API tables and the public types (api.ts) are generated from each component's spec
// (`npm run docs`); this fails when one was edited by hand or the spec changed without regenerating.
const fs = require('fs');
const path = require('path');
const { stale, readmeBlock, loadTs, COMPONENTS, BEGIN, END } = require('../../scripts/docs');
const { ROOT } = require('../helpers/mp');

test('every README table and api.ts matches its spec', () => {
  expect(stale()).toEqual([]);
});

test('the check notices a README that disagrees with its spec', () => {
  const { SPEC } = loadTs(path.join(ROOT, 'components/phone-button/spec.ts'));
  const block = readmeBlock(SPEC);
  expect(block.startsWith(BEGIN) && block.endsWith(END)).toBe(true);
  expect(block).toContain('| `require-consent` | `boolean` | `false` |');
  const changed = readmeBlock({ ...SPEC, properties: { ...SPEC.properties, realtime: { ...SPEC.properties.realtime, default: true } } });
  expect(changed).not.toBe(block);
});

test('api.ts types every property (common ones included) and the README lists every event', () => {
  const { allProps } = require('../helpers/kit').internal('components/common/spec');
  for (const name of COMPONENTS) {
    const { SPEC } = loadTs(path.join(ROOT, 'components', name, 'spec.ts'));
    const names = Object.keys(allProps(SPEC)).sort();
    expect(names).toEqual(expect.arrayContaining(['appId', 'userPoolId', 'host', 'timeout', 'lang', 'texts']));
    const api = fs.readFileSync(path.join(ROOT, 'components', name, 'api.ts'), 'utf8');
    for (const p of names) expect(api).toContain(`  ${p}?: `);
    const readme = fs.readFileSync(path.join(ROOT, 'components', name, 'README.md'), 'utf8');
    for (const e of Object.keys(SPEC.events)) expect(readme).toContain(`| \`${e}\` |`);
  }
});
