// Shared pieces of the fault and bad-input suites: the fault table, a closed port, image files on
// disk. (wx.getFileSystemManager comes from the wx shim, over node:fs.)
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

/**
 * The failure modes every method / component action goes through. `kind` is the devserver's
 * `/__dev/faults` kind; `refused` is not a fault but a host whose port nothing listens on.
 * `code` is the ErrorData.code the kit must report; `status` the statusCode it must carry.
 */
const FAULTS = [
  { name: 'connection refused', kind: 'refused', code: 'network' },
  { name: 'connection reset', kind: 'reset', code: 'network' },
  { name: 'timeout', kind: 'delay', code: 'timeout' },
  { name: 'HTTP 500 with an HTML body', kind: 'html500', code: 'http', status: 500 },
  { name: 'malformed JSON', kind: 'badjson', code: 'bad_response' },
  { name: 'Authing error envelope', kind: 'envelope', code: 'server', message: '服务维护中（injected）' },
  { name: 'empty body', kind: 'empty', code: 'bad_response' },
];

/** Client timeout for the timeout rows, and how long the devserver holds the answer back. */
const TIMEOUT_MS = 300;
const DELAY_MS = 1500;

/** The /__dev/faults body for a fault row on `faultPath`. */
function faultSpec(fault, faultPath) {
  const spec = { path: faultPath, kind: fault.kind, count: 1 };
  if (fault.kind === 'delay') spec.delayMs = DELAY_MS;
  if (fault.kind === 'envelope') { spec.status = 503; spec.body = fault.message; }
  return spec;
}

/** A loopback port nothing listens on (bound, then released). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'authing-faults-'));
process.on('exit', () => { try { fs.rmSync(tmpDir, { recursive: true, force: true }); } catch (e) { /* best effort */ } });

// 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let fileSeq = 0;
/** Writes bytes to a fresh temp file named `name`; returns its path. */
function tmpFile(name, bytes) {
  const dir = path.join(tmpDir, String(++fileSeq));
  fs.mkdirSync(dir);
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** A readable error: a non-empty string message that is not a serialised object. */
function expectReadable(err) {
  expect(err).toBeTruthy();
  expect(typeof err.message).toBe('string');
  expect(err.message.trim().length).toBeGreaterThan(0);
  expect(err.message).not.toMatch(/^\s*[{[]|\[object Object\]|^undefined$|^null$/);
}

module.exports = { FAULTS, TIMEOUT_MS, DELAY_MS, faultSpec, closedPort, PNG, tmpFile, expectReadable };
