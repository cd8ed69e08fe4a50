// The Taro / uni-app app files the README shows (`<!-- readme-test: taro-file src/app.js -->`),
// written into the test apps word for word, and the one Taro config line it shows.
const fs = require('fs');
const path = require('path');
const { readExamples, ROOT } = require('../readme/examples');

const APPS = { 'taro-file': path.join(__dirname, 'taro-app'), 'uni-file': path.join(__dirname, 'uni-app') };

/** Writes every README app file into its app; returns the paths written. */
function writeReadmeFiles() {
  const written = [];
  for (const ex of readExamples()) {
    const appDir = APPS[ex.kind];
    if (!appDir) continue;
    const file = path.join(appDir, ex.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${ex.blocks[0].code}\n`);
    written.push(path.relative(ROOT, file));
  }
  return written;
}

/** The README's lines naming the kit's Taro plugin (shown as a fragment of config/index.js). */
function readmeTaroConfigLines() {
  return fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').filter((l) => l.includes("'authing-miniapp-kit/taro'"));
}

/** A shell command the README shows in a ```bash block, found by its start. */
function readmeCommand(start) {
  const line = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').find((l) => l.startsWith(start));
  if (!line) throw new Error(`README.md shows no command starting with "${start}"`);
  return line.trim();
}

module.exports = { writeReadmeFiles, readmeTaroConfigLines, readmeCommand, APPS };
