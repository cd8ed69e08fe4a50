// `npm start`: the devserver on :3000 (persistent data) with the demo's live browser preview
// mounted at /preview/. The kit and demo/miniprogram_npm were built by `gulp demo` just before.
const path = require('path');
const { main } = require('../devserver/bin');
const { createPreviewHandler } = require('../preview/server');
const { homeHandler } = require('../preview/home');

const root = path.resolve(__dirname, '..');
const preview = createPreviewHandler({ root });

main(process.argv.slice(2), {
  mounts: [homeHandler, preview],
  banner: (url) => `Live preview of the demo (log in through <authing-login> in your browser):
  ${url}/preview/

WeChat DevTools: import this folder (${root}); project.config.json points at demo/.
`,
}).catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
