// Declarations beside each public entry. gulp-typescript writes one .d.ts per source file in the
// source tree's shape; an entry whose bundle lives elsewhere (crypto/rsa.js from core/crypto/rsa.ts)
// gets a stub that re-exports its source's declarations.
const fs = require('fs');
const path = require('path');
const { expandEntries } = require('./bundle');

function writeDeclarationStubs({ root, dist }) {
  for (const { out, src } of expandEntries(root)) {
    const from = src.replace(/\.ts$/, '');
    if (from === out) continue;
    const declared = path.join(dist, `${from}.d.ts`);
    if (!fs.existsSync(declared)) throw new Error(`${from}.d.ts missing: the type-check did not emit it`);
    const rel = path.posix.relative(path.posix.dirname(out), from);
    const spec = JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`);
    const lines = [`export * from ${spec};`];
    if (/^export default |^export \{[^}]*\bdefault\b/m.test(fs.readFileSync(declared, 'utf8'))) lines.push(`export { default } from ${spec};`);
    fs.writeFileSync(path.join(dist, `${out}.d.ts`), `${lines.join('\n')}\n`);
  }
}

module.exports = { writeDeclarationStubs };
