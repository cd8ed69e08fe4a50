// The kit's public entries: one line per import path a user may write. `gulp build` bundles each
// `src` into miniprogram_dist/<out>.js (+ .d.ts beside it). A `*` in both fields is one entry per
// matching folder. The entry whose `out` is 'index' is the core: shared state lives there once.
//   To add a module: { out: 'name', src: 'core/name.ts' }.
module.exports = {
  entries: [
    { out: 'index', src: 'index.ts' },
    { out: 'crypto/rsa', src: 'core/crypto/rsa.ts' },
    { out: 'crypto/sm2', src: 'core/crypto/sm2.ts' },
    { out: 'account', src: 'core/account.ts' },
    { out: 'journey', src: 'core/journey.ts' },
    { out: 'i18n/en-US', src: 'core/i18n/en-US.ts' },
    { out: 'components/*/index', src: 'components/*/index.ts' },
  ],
  // Files here belong to the core: a satellite that imports one gets the core bundle's instance
  // when the core bundle has it (its own graph, or a singleton); otherwise it is inlined.
  coreRoots: ['index.ts', 'core/'],
  // Core modules with module-level STATE that satellites share: one instance, in the core bundle.
  // A stateless module two satellites reach is inlined into each (see bundle.js). Keep this list
  // honest: a stateful module missing here would get one copy per satellite.
  singletons: ['core/flows/countdown', 'core/flows/privacy-registry'],
  // Core modules whose STATE the kit's tests must reach in the shipped bundle (as
  // __kitInternals[key]); they are placed in the core bundle. Every module a satellite imports is
  // exposed anyway. Keep this short: an exposed module is not tree-shaken.
  testHooks: ['core/public-key', 'core/crypto/entropy', 'core/flows/countdown'],
};
