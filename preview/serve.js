// One port for the devserver API and the live preview (for local use, shoot.js and the tests):
//   node preview/serve.js [--port 3100]    → http://127.0.0.1:3100/preview/
// `npm start` (scripts/start.js) mounts the same handler into its devserver on :3000.
const path = require('path');
const { createDevServer } = require('../devserver');
const { createPreviewHandler } = require('./server');

/**
 * @param {{ port?: number, root?: string, devserver?: object }} [options]  devserver: extra createDevServer options
 * @returns {Promise<{ url: string, previewUrl: string, srv: any, close: () => Promise<void> }>}
 */
async function startPreviewServer(options = {}) {
  const handler = createPreviewHandler({ root: options.root, devserverUrl: '' });
  const srv = await createDevServer({ port: options.port || 0, log: false, ...(options.devserver || {}), mounts: [handler] });
  return {
    url: srv.url,
    previewUrl: `${srv.url}/preview/`,
    srv,
    close: () => srv.close(),
  };
}

module.exports = { startPreviewServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--port');
  const port = i >= 0 ? Number(args[i + 1]) : Number(process.env.PORT || 3100);
  startPreviewServer({ port, root: path.join(__dirname, '..', 'demo'), devserver: { log: true } }).then((s) => {
    console.log(`devserver + live preview on ${s.url}\n  open ${s.previewUrl}\n  demo account: demo / Demo@123456`);
    const stop = () => s.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (err) => {
    console.error(err);
    process.exit(1);
  });
}
