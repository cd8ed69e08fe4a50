// @ts-check
'use strict';

/** @typedef {import('../index').App} App */

const VERSION = '3.0.0-devserver';

/**
 * GET /api/v3/system — public keys for password encryption. Contract CONFLICT:
 * served top-level (no envelope), which is what the shipped SDK reads.
 * @param {import('../router').Router} router
 * @param {App} app
 */
function register(router, app) {
  router.add('GET', '/api/v3/system', async () => {
    const keys = await app.store.getKeys();
    return {
      status: 200,
      json: { rsa: { publicKey: keys.rsa.publicKey }, sm2: { publicKey: keys.sm2.publicKey }, version: VERSION, publicIps: [] },
    };
  });
}

module.exports = { register };
