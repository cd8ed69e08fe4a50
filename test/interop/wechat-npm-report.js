// Child process for wechat-npm.interop.js: builds one consumer app (scripts/consumer-app.js) with
// the packed tarball, runs WeChat's analyser on it and writes the report to <dir>.json (miniprogram-ci logs to stdout). A child because
// miniprogram-ci's analyser leaves a file watcher open that would keep jest from exiting.
//   node test/interop/wechat-npm-report.js <tarball> <app name> <dir>
const fs = require('fs');
const { APPS, makeApp, analyse } = require('../../scripts/consumer-app');
const { ROOT } = require('./paths');

const [tarball, name, dir] = process.argv.slice(2);
makeApp({ root: ROOT, tarball, app: APPS[name], dir })
  .then(analyse)
  .then((report) => {
    fs.writeFileSync(`${dir}.json`, JSON.stringify(report));
    process.exit(0);
  }, (err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  });
