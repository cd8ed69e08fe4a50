// Merges the per-group StrykerJS reports (reports/mutation/groups/<group>.json, one per `--mutate` file group
// run on its own: a run over all of core/ takes hours on 2 cores) into the one committed report,
// reports/mutation/mutation.json + index.html. Test ids are per run, so each is prefixed with its group.
// Usage: node scripts/mutation-report-merge.js  (after copying a finished run's mutation.json into groups/).
const fs = require('fs');
const path = require('path');

const DIR = path.join(__dirname, '..', 'reports', 'mutation');
const GROUPS = path.join(DIR, 'groups');

const prefixed = (group, ids) => ids && ids.map((id) => `${group}:${id}`);

const merged = { files: {}, testFiles: {} };
for (const name of fs.readdirSync(GROUPS).filter((f) => f.endsWith('.json')).sort()) {
  const group = name.replace(/\.json$/, '');
  const report = JSON.parse(fs.readFileSync(path.join(GROUPS, name), 'utf8'));
  for (const key of ['schemaVersion', 'thresholds', 'projectRoot', 'config', 'framework']) {
    if (report[key] !== undefined) merged[key] = report[key];
  }
  for (const [file, result] of Object.entries(report.files)) {
    const mutants = result.mutants.map((m) => ({ ...m, coveredBy: prefixed(group, m.coveredBy), killedBy: prefixed(group, m.killedBy) }));
    // A later group that re-ran a file replaces it.
    merged.files[file] = { ...result, mutants };
  }
  for (const [file, result] of Object.entries(report.testFiles || {})) {
    const tests = result.tests.map((t) => ({ ...t, id: `${group}:${t.id}` }));
    const seen = merged.testFiles[file];
    merged.testFiles[file] = { ...result, tests: seen ? [...seen.tests, ...tests] : tests };
  }
}
if (merged.config) merged.config = { ...merged.config, mutate: Object.keys(merged.files).sort() };

const json = JSON.stringify(merged);
fs.writeFileSync(path.join(DIR, 'mutation.json'), json);
const htmlFile = path.join(DIR, 'index.html');
const html = fs.readFileSync(htmlFile, 'utf8');
// The html reporter embeds the report as one `app.report = {…};` line; `<` is escaped so no `</script>` can end it early.
const embedded = `app.report = ${json.replace(/</g, '\\u003c')};`;
fs.writeFileSync(htmlFile, html.replace(/app\.report = .*;$/m, () => embedded));

// The score per file and overall: killed + timeout over all valid mutants (compile errors and ignored excluded).
const VALID = ['Killed', 'Timeout', 'Survived', 'NoCoverage'];
let detected = 0;
let valid = 0;
for (const [file, { mutants }] of Object.entries(merged.files).sort()) {
  const v = mutants.filter((m) => VALID.includes(m.status));
  const d = v.filter((m) => m.status === 'Killed' || m.status === 'Timeout');
  detected += d.length;
  valid += v.length;
  const left = v.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').length;
  console.log(`${file}: ${v.length ? ((100 * d.length) / v.length).toFixed(2) : '—'} % (${d.length}/${v.length}, ${left} left)`);
}
console.log(`all: ${((100 * detected) / valid).toFixed(2)} % (${detected}/${valid})`);
