// Every documented import path resolves through package.json (exports / typesVersions / main) in
// Node's require and import, and in tsc --strict with node10, node16 and bundler resolution, from
// an app whose node_modules holds the kit.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { createRequire } = require('module');
const ts = require('typescript');
const { MODULES, COMPONENT_PATHS, NODE_TOOLS } = require('./public-paths');

const ROOT = path.resolve(__dirname, '../..');
let app;

beforeAll(() => {
  // An app folder whose node_modules/authing-miniapp-kit is this package, as `npm install` links it.
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-consumer-'));
  fs.mkdirSync(path.join(app, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(app, 'node_modules', 'authing-miniapp-kit'), 'dir');
  fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "consumer", "private": true }\n');
});
afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

test.each(Object.entries({ ...MODULES, ...NODE_TOOLS }))('require(%s) gives %j', (spec, names) => {
  const file = createRequire(path.join(app, 'package.json')).resolve(spec);
  const mod = require(file);
  for (const name of names) expect(typeof mod[name]).toBe('function');
});

test.each(COMPONENT_PATHS)('%s resolves to the built component script', (spec) => {
  const file = createRequire(path.join(app, 'package.json')).resolve(spec);
  expect(path.relative(ROOT, file).split(path.sep).join('/')).toBe(`miniprogram_dist/${spec.slice('authing-miniapp-kit/'.length)}.js`);
  for (const ext of ['.json', '.wxml', '.wxss']) expect(fs.existsSync(file.replace(/\.js$/, ext))).toBe(true);
});

test('Node ESM import gives the same named exports', () => {
  const lines = Object.entries(MODULES).map(([spec, names], i) => `import { ${names.map((n) => `${n} as m${i}_${n}`).join(', ')} } from '${spec}';`);
  const checks = Object.entries(MODULES).flatMap(([, names], i) => names.map((n) => `typeof m${i}_${n}`));
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `${lines.join('\n')}\nconsole.log(JSON.stringify([${checks.join(', ')}]));`], { cwd: app, encoding: 'utf8' });
  expect(JSON.parse(out).every((t) => t === 'function')).toBe(true);
});

const TS_SOURCE = `
import { Authing, setDefaultClient, getDefaultClient } from 'authing-miniapp-kit';
import type { EncryptFunction, LoginState } from 'authing-miniapp-kit';
import { encryptRsa } from 'authing-miniapp-kit/crypto/rsa';
import { encryptSm2 } from 'authing-miniapp-kit/crypto/sm2';
import type { LoginEventDetail } from 'authing-miniapp-kit/components/login/index';
${COMPONENT_PATHS.map((p, i) => `import * as component${i} from '${p}';`).join('\n')}

const encryptors: EncryptFunction[] = [encryptRsa, encryptSm2];
const client = new Authing({ appId: 'a', userPoolId: 'b', encryptFunction: encryptors[0] });
setDefaultClient(client);
export const same: boolean = getDefaultClient() === client;
export async function state(): Promise<LoginState | undefined> {
  const [error, data] = await client.getLoginState();
  return error ? undefined : data;
}
export const onLogin = (detail: LoginEventDetail): string => detail.method;
export const components = [${COMPONENT_PATHS.map((p, i) => `component${i}`).join(', ')}];
`;

test.each([
  ['node10', { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }],
  ['node16', { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }],
  ['bundler', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
])('tsc --strict (moduleResolution %s) resolves and type-checks every path', (name, options) => {
  const file = path.join(app, `consumer-${name}.ts`);
  fs.writeFileSync(file, TS_SOURCE);
  const program = ts.createProgram([file], {
    ...options, strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2019, lib: ['lib.es2019.d.ts'],
    types: ['miniprogram-api-typings'], typeRoots: [path.join(ROOT, 'node_modules')],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(diagnostics).toEqual([]);
});
