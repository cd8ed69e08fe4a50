// Edges of the entropy pool (crypto.test.js has the fills): bytes added by hand are masked to
// 0-255 and taken in order, a view is filled only over its own bytes, a short pool names the
// numbers, and ensureEntropy waits only when the pool is short, topping it up in the background.
const crypto = require('crypto');
const entropy = require('../helpers/kit').internal('core/crypto/entropy');

const drain = () => entropy.takeRandomBytes(entropy.availableEntropy());

/** A random source counting the bytes asked for. */
function counting() {
  const asked = [];
  return { asked, source: { getRandomValues: async (n) => { asked.push(n); return new Uint8Array(crypto.randomBytes(n)); } } };
}

afterAll(() => entropy.prepareEncryption());

test('added bytes are masked to 0-255 and taken first in, first out', () => {
  drain();
  entropy.addEntropy([263, -1, 7]);
  expect(entropy.availableEntropy()).toBe(3);
  expect(Array.from(entropy.takeRandomBytes(2))).toEqual([7, 255]);
  expect(Array.from(entropy.takeRandomBytes(1))).toEqual([7]);
});

test('a short pool names what it has and what was asked; nothing is taken', () => {
  drain();
  entropy.addEntropy([1, 2]);
  expect(() => entropy.takeRandomBytes(3)).toThrow('Not enough secure random bytes (2 < 3); await prepareEncryption() before encrypting');
  expect(entropy.availableEntropy()).toBe(2);
  expect(Array.from(entropy.takeRandomBytes(2))).toEqual([1, 2]);
});

test('fillRandom fills a view over part of a buffer, and only that part', () => {
  drain();
  entropy.addEntropy([9, 8, 7, 6]);
  const buffer = new ArrayBuffer(8);
  const view = new Uint16Array(buffer, 2, 2);
  expect(entropy.fillRandom(view)).toBe(view);
  expect(Array.from(new Uint8Array(buffer))).toEqual([0, 0, 9, 8, 7, 6, 0, 0]);
});

test('ensureEntropy: a short pool is filled to the larger of the need and the target before it returns', async () => {
  drain();
  const { asked, source } = counting();
  await entropy.ensureEntropy(source, 3000);
  expect(entropy.availableEntropy()).toBe(3000);
  expect(asked).toEqual([1024, 1024, 952]);
  drain();
  await entropy.ensureEntropy(source);
  expect(entropy.availableEntropy()).toBe(entropy.POOL_TARGET);
});

test('ensureEntropy: enough for this call but under the target → returns at once, tops up in the background', async () => {
  drain();
  entropy.addEntropy(new Uint8Array(crypto.randomBytes(700)));
  const { asked, source } = counting();
  await entropy.ensureEntropy(source);
  expect(entropy.availableEntropy()).toBe(700);
  await entropy.prepareEncryption(source); // joins the background fill
  expect(entropy.availableEntropy()).toBe(entropy.POOL_TARGET);
  expect(asked).toEqual([1024, 324]);
  const { asked: none, source: idle } = counting();
  await entropy.ensureEntropy(idle);
  expect(none).toEqual([]);
});
