// Reads the code examples out of README.md so tests run exactly what a newcomer copies.
// An example is announced by `<!-- readme-test: NAME -->`; `page` examples are three blocks
// (page.json, page.wxml, page.js), every other kind is the one block that follows.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { createRequire } = require('module');

const ROOT = path.resolve(__dirname, '../..');

function readExamples(file = path.join(ROOT, 'README.md')) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const examples = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!-- readme-test: (\S+)(?: (\S+))? -->$/.exec(lines[i].trim());
    if (!marker) continue;
    const [, kind, name] = marker;
    const want = kind === 'page' ? 3 : 1;
    const blocks = [];
    let j = i + 1;
    while (blocks.length < want && j < lines.length) {
      const fence = /^```(\w+)$/.exec(lines[j]);
      if (fence) {
        const start = ++j;
        while (j < lines.length && lines[j] !== '```') j++;
        blocks.push({ lang: fence[1], code: lines.slice(start, j).join('\n'), line: start + 1 });
      } else if (/^<!-- readme-test:/.test(lines[j].trim())) {
        break;
      }
      j++;
    }
    if (blocks.length !== want) throw new Error(`README.md:${i + 1}: "${kind}" example needs ${want} code block(s)`);
    examples.push({ kind, name: name || kind, blocks, line: i + 1 });
  }
  return examples;
}

// Node's own resolution of the package name from inside this repository (package self-reference):
// the README's import paths go through package.json `exports` exactly as in an app.
const selfRequire = createRequire(path.join(ROOT, 'package.json'));

/** `require` for examples: the package's public paths via its exports map, `extra` adds fakes ('@tarojs/taro'). */
function exampleRequire(extra = {}) {
  return (spec) => {
    if (Object.prototype.hasOwnProperty.call(extra, spec)) return extra[spec];
    if (spec === 'authing-miniapp-kit' || spec.startsWith('authing-miniapp-kit/')) return require(selfRequire.resolve(spec));
    throw new Error(`README example requires an unexpected module: ${spec}`);
  };
}

/** tsc `paths` for the package's public paths, read from the `types` of its exports map. */
function typePaths() {
  const { exports: map } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const paths = {};
  for (const [key, target] of Object.entries(map)) {
    if (target && typeof target === 'object' && target.types) paths[`authing-miniapp-kit${key.slice(1)}`] = [target.types];
  }
  return paths;
}

/**
 * Compiles an example (ES module syntax allowed, as in the Taro/uni snippets) to CommonJS and runs it
 * with the given globals; returns its module.exports.
 */
function runExample(code, { globals = {}, modules = {} } = {}) {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true },
    reportDiagnostics: true,
  });
  if (js.diagnostics && js.diagnostics.length) {
    throw new Error(ts.flattenDiagnosticMessageText(js.diagnostics[0].messageText, '\n'));
  }
  const module = { exports: {} };
  const names = Object.keys(globals);
  // eslint-disable-next-line no-new-func
  const fn = new Function('require', 'module', 'exports', ...names, js.outputText);
  fn(exampleRequire(modules), module, module.exports, ...names.map((n) => globals[n]));
  return module.exports;
}

/**
 * Type-checks every JS example against the built kit's .d.ts and WeChat's typings (checkJs), the
 * way an editor would show them to the user. Returns readable diagnostics.
 */
function typeCheckExamples(examples, tmpDir) {
  const files = [];
  for (const ex of examples) {
    ex.blocks.forEach((b, i) => {
      if (b.lang !== 'js') return;
      const file = path.join(tmpDir, `${ex.name.replace(/\W/g, '_')}-${i}.js`);
      fs.writeFileSync(file, b.code);
      files.push({ file, ex, block: b });
    });
  }
  const stub = path.join(tmpDir, 'platforms.d.ts');
  fs.writeFileSync(stub, [
    "declare module '@tarojs/taro' { const Taro: import('authing-miniapp-kit').TaroLike; export default Taro; }",
    "declare const uni: import('authing-miniapp-kit').UniLike;",
  ].join('\n'));
  const program = ts.createProgram([...files.map((f) => f.file), stub], {
    noEmit: true, allowJs: true, checkJs: true, strict: false, noImplicitAny: false, target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.CommonJS,
    esModuleInterop: true, skipLibCheck: true, lib: ['lib.es2019.d.ts'], types: ['miniprogram-api-typings'],
    typeRoots: [path.join(ROOT, 'node_modules')], moduleResolution: ts.ModuleResolutionKind.Node10,
    baseUrl: ROOT,
    paths: typePaths(),
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? files.find((f) => f.file === d.file.fileName) : undefined;
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const at = where && pos ? `README.md:${where.block.line + pos.line} (${where.ex.name})` : (d.file ? d.file.fileName : '');
    return `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

module.exports = { readExamples, runExample, typeCheckExamples, ROOT };
