// What `npm pack` puts in the tarball: the built kit, its Node tools, LICENSE and every markdown
// file the packaged README links to; no sources, tests, source maps or devserver data.
const path = require('path');
const fs = require('fs');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = packed.files.map((f) => f.path);

test('LICENSE (MIT), README.md and package.json are in the tarball', () => {
  expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
  expect(pkg.license).toBe('MIT');
  expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
});

test('every markdown file the README links to is in the tarball', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const linked = [...readme.matchAll(/\]\(([^)#:]+\.md)(?:#[^)]*)?\)/g)].map((m) => m[1]);
  expect(linked.length).toBeGreaterThan(5);
  expect([...new Set(linked)].filter((f) => !files.includes(f))).toEqual([]);
});

test('every exports target, the bin and the main / types entries are in the tarball', () => {
  const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin)];
  for (const target of Object.values(pkg.exports)) {
    for (const t of typeof target === 'string' ? [target] : Object.values(target)) if (!t.includes('*')) targets.push(t);
  }
  expect(targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !files.includes(t))).toEqual([]);
});

test('no sources, tests, source maps, demo, preview or devserver data', () => {
  const clutter = files.filter((f) => /\.map$|(^|\/)test\/|^(demo|preview|scripts)\/|^docs\/(?!wire-contract\.md$)|^devserver\/data\/|^bench\/(?!README\.md$|results\/latest\.md$)/.test(f)
    || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)));
  expect(clutter).toEqual([]);
});

test('the devserver ships in the package but not in the mini-program folder', () => {
  expect(files).toContain('devserver/index.js');
  expect(files.filter((f) => f.startsWith(`${pkg.miniprogram}/`) && /devserver|wx-shim/.test(f))).toEqual([]);
});
