/**
 * @jest-environment node
 */
// The repository stands on its own: no tracked file points at a path on a development machine
// (a home folder, a work folder, a sibling folder outside the checkout). Docs link inside the repo.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');
// Built from parts ('/' + 'work/') so this file does not match itself.
const MACHINE_PATH = new RegExp([
  String.raw`(?:^|[^\w.])/` + 'work/',
  '/' + String.raw`home/[a-z_][\w-]*/`,
  '/' + String.raw`Users/[A-Za-z][\w-]*/`,
  '/' + 'root/',
  '[A-Za-z]:\\\\' + 'Users\\\\',
  String.raw`\.\./` + 'shared/',
].join('|'));

function trackedTextFiles() {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.filter((f) => !/\.(png|jpe?g|gif|webp|ico|woff2?)$/i.test(f) && fs.existsSync(path.join(REPO, f)));
}

test('the machine-path pattern recognises the paths it is meant to catch, and not ordinary ones', () => {
  for (const bad of ['see /' + 'work/shared/x.md', 'at /' + 'home/dev/project', '(../sh' + 'ared/authing-api.md)', 'C:\\' + 'Users\\me\\x']) expect(bad).toMatch(MACHINE_PATH);
  for (const ok of ['docs/wire-contract.md', 'bench/tmp/', 'https://example.com/work/x', "url: '/pages/home/index'"]) expect(ok).not.toMatch(MACHINE_PATH);
});

test('no tracked file contains an absolute machine path or a link outside the repository', () => {
  const hits = [];
  for (const file of trackedTextFiles()) {
    const text = fs.readFileSync(path.join(REPO, file), 'utf8');
    text.split('\n').forEach((line, i) => { if (MACHINE_PATH.test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`); });
  }
  expect(hits).toEqual([]);
});

test('every relative link in the Markdown docs points at a file in the repository', () => {
  const broken = [];
  for (const file of trackedTextFiles().filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(REPO, file), 'utf8');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z]+:/i.test(target)) continue;
      if (!fs.existsSync(path.resolve(REPO, path.dirname(file), target))) broken.push(`${file}: ${m[1]}`);
    }
  }
  expect(broken).toEqual([]);
});
