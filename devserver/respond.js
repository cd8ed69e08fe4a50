// @ts-check
'use strict';

const { API_CODES } = require('./api-codes');

/**
 * Writing answers to the socket: normal replies and injected faults.
 * @typedef {import('./envelope').Reply} Reply
 */

/**
 * @param {import('http').ServerResponse} res
 * @param {Reply} reply
 */
function send(res, reply) {
  if (res.headersSent || res.destroyed) return;
  const headers = { ...(reply.headers || {}) };
  /** @type {string|Buffer} */
  let body = '';
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if (reply.raw !== undefined) {
    body = reply.raw;
    if (reply.contentType) headers['content-type'] = reply.contentType;
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  res.end(body);
}

/**
 * Every kind except `delay` (handled by the caller: it sleeps, then answers normally).
 * @param {import('http').ServerResponse} res
 * @param {import('./faults').Fault} fault
 * @param {string} requestId
 */
function injectFault(res, fault, requestId) {
  switch (fault.kind) {
    case 'reset':
      res.socket?.destroy();
      return;
    case 'html500':
      send(res, { status: 500, raw: '<html><body><h1>500 Internal Server Error</h1></body></html>', contentType: 'text/html; charset=utf-8' });
      return;
    case 'badjson':
      send(res, { status: 200, raw: '{"statusCode":200,"data":', contentType: 'application/json; charset=utf-8' });
      return;
    case 'envelope':
      send(res, {
        status: 200,
        json: { statusCode: fault.status || 500, message: fault.body || 'injected error', apiCode: fault.apiCode || API_CODES.INJECTED, requestId },
      });
      return;
    case 'empty':
    default:
      send(res, { status: 200, raw: '' });
  }
}

module.exports = { send, injectFault };
