// THIRD_PARTY_NOTICES.txt: the license text of every package a bundle inlines (MIT requires the
// notice to travel with the code). Each such bundle's banner points here.
const fs = require('fs');
const path = require('path');

const LICENSE_FILE = /^(licen[cs]e|copying)(\.|_|$)/i;

function licenseText(dir) {
  const file = fs.readdirSync(dir).find((f) => LICENSE_FILE.test(f));
  return file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

/** @param {{root: string, file: string, packages: Map<string, string[]>}} opts  package → bundles that inline it */
function writeNotices({ root, file, packages }) {
  const parts = ['authing-miniapp-kit inlines the following packages into the bundles named below.', ''];
  for (const [name, outs] of [...packages].sort()) {
    const dir = path.join(root, 'node_modules', name);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const text = licenseText(dir);
    if (!text) throw new Error(`${name}: no license file to include in THIRD_PARTY_NOTICES.txt`);
    parts.push(`== ${name} ${pkg.version} (${pkg.license}) — in ${outs.map((o) => `${o}.js`).join(', ')}`, '', text, '');
  }
  fs.writeFileSync(file, parts.join('\n'));
}

module.exports = { writeNotices };
