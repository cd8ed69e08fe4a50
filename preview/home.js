// The page `npm start` answers at `/` (the first URL its banner prints): what runs on this port and
// where to go — the live preview, the SMS / email inbox, the devserver's settings.
const HOME_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>authing-miniapp-kit · devserver</title>
<style>body{font:15px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;max-width:720px;margin:0 auto;padding:32px 20px;color:#222}
a{color:#0052d9}code{background:#f3f3f3;padding:1px 4px;border-radius:4px}</style></head><body>
<h1>authing-miniapp-kit · devserver</h1>
<p>A local Authing-compatible server: point the kit's <code>host</code> here.</p>
<ul>
<li><a href="/preview/">Live preview of the demo mini-program</a> (demo / Demo@123456)</li>
<li><a href="/__dev/sms">SMS and email codes sent so far</a></li>
<li><a href="/__dev/config">appId, userPoolId and identity source of this server</a></li>
</ul>
<p>The API paths it speaks and what it emulates: <code>docs/wire-contract.md</code>; its controls: <code>devserver/README.md</code>.</p>
</body></html>`;

/** A devserver mount: answers GET/HEAD `/` with the home page; anything else is left to the server. */
function homeHandler(req, res) {
  const pathname = new URL(req.url || '/', 'http://localhost').pathname;
  const method = (req.method || 'GET').toUpperCase();
  if (pathname !== '/' || (method !== 'GET' && method !== 'HEAD')) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(method === 'HEAD' ? undefined : HOME_HTML);
  return true;
}

module.exports = { homeHandler };
