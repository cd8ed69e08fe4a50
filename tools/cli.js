#!/usr/bin/env node
// `npx authing-miniapp-kit <command>` in an app that installed the kit. Node only: nothing here
// enters the mini-program.
'use strict';
const path = require('path');

const USAGE = `usage: authing-miniapp-kit <command>

  devserver [--port <n>] [--memory | --data <file>] [--quiet]
      a local Authing-compatible server (default port 3000, data in ./.authing-devserver/db.json)
  wxcomponents [<dir>]
      lays out the components and their dependencies in <dir>/authing-miniapp-kit
      (default src/wxcomponents, for uni-app)`;

async function run(argv) {
  const [command, ...rest] = argv;
  if (command === 'devserver') {
    const hasData = rest.some((a) => /^--(data|memory)(=|$)/.test(a));
    const dataArgs = hasData ? [] : ['--data', path.resolve('.authing-devserver', 'db.json')];
    return require('../devserver/bin').main([...dataArgs, ...rest]);
  }
  if (command === 'wxcomponents') {
    const { layoutWxcomponents } = require('./wxcomponents');
    const target = layoutWxcomponents({ dir: rest[0] || 'src/wxcomponents' });
    console.log(`authing-miniapp-kit: components laid out in ${path.relative(process.cwd(), target) || '.'}`);
    return undefined;
  }
  console.log(USAGE);
  process.exitCode = command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  return undefined;
}

run(process.argv.slice(2)).catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
