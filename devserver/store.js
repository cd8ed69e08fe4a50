// @ts-check
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { generateKeys } = require('./crypto-keys');

/**
 * @typedef {import('./crypto-keys').KeySet} KeySet
 * @typedef {import('./users').User} User
 *
 * @typedef {object} RefreshRecord
 * @property {string} userId
 * @property {string} appId
 * @property {string} scope
 * @property {number} expiresAt ms, server clock
 *
 * @typedef {object} UploadMeta
 * @property {string} contentType
 * @property {number} size
 * @property {number} createdAt
 * @property {'none'|'valid'|'invalid'} authorization  whether a token came with the upload
 * @property {string|null} userId
 *
 * @typedef {object} PersistentState
 * @property {number} version
 * @property {{jwtSecret: string, keys: KeySet|null}} secrets  keys: made on first use
 * @property {User[]} users
 * @property {Record<string, RefreshRecord>} refreshTokens  keyed by sha256(token), never the raw token
 * @property {Record<string, number>} revoked               access-token jti -> exp (ms)
 * @property {Record<string, UploadMeta>} uploads
 */

const VERSION = 1;

/**
 * Everything that must survive a restart when a data file is used. Short-lived
 * things (codes, inbox, faults, clock) live in their own modules, in memory.
 */
class Store {
  /**
   * @param {PersistentState} state
   * @param {string|null} dataFile
   */
  constructor(state, dataFile) {
    this.state = state;
    this.dataFile = dataFile;
    /** @type {Map<string, Buffer>} upload bytes when there is no data file */
    this.files = new Map();
    /** @type {Promise<KeySet>|null} single flight for lazy key generation */
    this.keysPending = null;
    /** changes not yet written to the data file */
    this.dirty = false;
  }

  /**
   * @param {{dataFile: string|null}} opts
   * @returns {Promise<Store>}
   */
  static async open({ dataFile }) {
    if (dataFile) {
      const file = path.resolve(dataFile);
      if (fs.existsSync(file)) {
        let state;
        try {
          state = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (err) {
          throw new Error(`devserver: cannot read data file ${file}: ${/** @type {Error} */ (err).message}`);
        }
        if (!state || state.version !== VERSION || typeof state.secrets?.jwtSecret !== 'string') {
          throw new Error(`devserver: ${file} is not a devserver data file (version ${VERSION}); move it away to start fresh`);
        }
        return new Store(state, file);
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const store = new Store(Store.emptyState(null), file);
      store.save();
      store.flush();
      return store;
    }
    return new Store(Store.emptyState(null), null);
  }

  /**
   * RSA/SM2 key pairs, generated on first use: most test servers never need
   * them, and RSA-2048 generation costs a few hundred milliseconds.
   * @returns {Promise<KeySet>}
   */
  getKeys() {
    const existing = this.state.secrets.keys;
    if (existing) return Promise.resolve(existing);
    if (!this.keysPending) {
      this.keysPending = generateKeys().then((keys) => {
        this.state.secrets.keys = keys;
        this.save();
        this.flush();
        return keys;
      }).finally(() => { this.keysPending = null; });
    }
    return this.keysPending;
  }

  /**
   * @param {KeySet|null} keys
   * @returns {PersistentState}
   */
  static emptyState(keys) {
    return {
      version: VERSION,
      secrets: { jwtSecret: crypto.randomBytes(32).toString('base64url'), keys },
      users: [],
      refreshTokens: {},
      revoked: {},
      uploads: {},
    };
  }

  /**
   * Wipe users and tokens. The JWT secret rotates so tokens issued before the
   * reset stop verifying; the RSA/SM2 keys are kept (slow to generate, and
   * clients may have cached the public key).
   */
  reset() {
    this.state = Store.emptyState(this.state.secrets.keys);
    this.files.clear();
    if (this.dataFile) fs.rmSync(this.uploadDir(), { recursive: true, force: true });
    this.save();
    this.flush();
  }

  /**
   * Marks the state changed. The file is written once per request (index.js calls flush()
   * before answering), however many small changes the request made.
   */
  save() {
    this.dirty = true;
  }

  /**
   * Atomic write: a crash mid-write leaves the old file, never a torn one.
   * The temp file sits in the same directory so rename() stays on one filesystem.
   */
  flush() {
    if (!this.dirty) return;
    this.dirty = false;
    if (!this.dataFile) return;
    const tmp = `${this.dataFile}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify(this.state), { mode: 0o600 });
      fs.renameSync(tmp, this.dataFile);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  uploadDir() {
    return path.join(path.dirname(/** @type {string} */ (this.dataFile)), 'uploads');
  }

  /**
   * @param {string} key  already validated: folder/name.ext
   * @param {Buffer} bytes
   * @param {UploadMeta} meta
   */
  putFile(key, bytes, meta) {
    if (this.dataFile) {
      const file = path.join(this.uploadDir(), key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    } else {
      this.files.set(key, bytes);
    }
    this.state.uploads[key] = meta;
    this.save();
  }

  /**
   * @param {string} key
   * @returns {{bytes: Buffer, meta: UploadMeta} | null}
   */
  getFile(key) {
    const meta = Object.prototype.hasOwnProperty.call(this.state.uploads, key) ? this.state.uploads[key] : null;
    if (!meta) return null;
    if (!this.dataFile) {
      const bytes = this.files.get(key);
      return bytes ? { bytes, meta } : null;
    }
    try {
      return { bytes: fs.readFileSync(path.join(this.uploadDir(), key)), meta };
    } catch {
      return null;
    }
  }
}

module.exports = { Store };
