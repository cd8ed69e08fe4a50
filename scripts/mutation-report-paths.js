// Stryker writes absolute sandbox paths into its report; the committed report keeps them relative
// to the repository (no machine path in any tracked file).
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
// The per-group reports (scripts/mutation-report-merge.js) and incremental files are committed too.
const listed = (dir, pattern) => (fs.existsSync(path.join(ROOT, dir)) ? fs.readdirSync(path.join(ROOT, dir)).filter((f) => pattern.test(f)).map((f) => `${dir}/${f}`) : []);
const files = ['reports/mutation/index.html', 'reports/mutation/mutation.json', ...listed('reports/mutation/groups', /\.json$/), ...listed('reports', /^stryker-incremental.*\.json$/)];
for (const file of files) {
  const full = path.join(ROOT, file);
  if (!fs.existsSync(full)) continue;
  const text = fs.readFileSync(full, 'utf8');
  // Any absolute path that ends in one of the repository's top-level folders becomes relative.
  const relative = text.replace(/(?:\/[\w.+-]+)+?\/(?=(?:core|components|test|scripts|devserver|node_modules|\.stryker-tmp)\/)/g, '');
  // …and the project root itself (`"projectRoot":"/…"`).
  fs.writeFileSync(full, relative.split(JSON.stringify(ROOT).slice(1, -1)).join('.').replace(/"projectRoot":"[^"]*"/g, '"projectRoot":"."'));
}
