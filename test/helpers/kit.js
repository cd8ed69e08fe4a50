// Where tests load the kit from.
//   kit(entry)      — a public entry of the shipped build: kit('index'), kit('crypto/rsa'), …
//   internal(key)   — an internal module, e.g. internal('core/crypto/entropy'). When the shipped core
//                     bundle exposes it (see scripts/build/entries.js testHooks) this is that very
//                     instance, so its state is the one components and crypto bundles use; otherwise it
//                     is the per-file tsc output in build/modules/ (not shipped) — fine for pure logic.
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'miniprogram_dist');

const kit = (entry) => require(path.join(DIST, entry));

function internal(key) {
  const shared = kit('index').__kitInternals[key];
  return shared || require(path.join(ROOT, 'build/modules', key));
}

module.exports = { kit, internal, DIST };
