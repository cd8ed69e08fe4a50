// The byte/text helpers WeChat lacks (core/encoding): UTF-8 of passwords before encryption, base64 of the
// ciphertext, base64url of JWT payloads. Node's Buffer is the reference wherever the input is valid.
const { utf8Encode, utf8Decode, base64Encode, base64Decode, hexToBytes } = require('../helpers/kit').internal('core/encoding');

// Every length class of UTF-8 at both of its ends, surrogate pairs at the ends of the astral range.
const BOUNDARIES = [0x00, 0x41, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x4e2d, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f511, 0x10ffff];

describe('UTF-8', () => {
  test.each(BOUNDARIES.map((cp) => [cp.toString(16), String.fromCodePoint(cp)]))('U+%s encodes and decodes like Buffer', (_hex, ch) => {
    for (const text of [ch, `a${ch}`, `${ch}z`, `${ch}${ch}`]) {
      const bytes = utf8Encode(text);
      expect(bytes).toEqual([...Buffer.from(text, 'utf8')]);
      expect(utf8Decode(bytes)).toBe(text);
      expect(utf8Decode(Uint8Array.from(bytes))).toBe(text);
    }
  });

  test('lone surrogates become U+FFFD (EF BF BD), as TextEncoder does', () => {
    const fffd = [0xef, 0xbf, 0xbd];
    expect(utf8Encode('\uD800')).toEqual(fffd);
    expect(utf8Encode('\uDBFF')).toEqual(fffd);
    expect(utf8Encode('\uDC00')).toEqual(fffd);
    expect(utf8Encode('\uDFFF')).toEqual(fffd);
    expect(utf8Encode('\uD800a')).toEqual([...fffd, 0x61]);
    expect(utf8Encode('\uDBFF\uD800')).toEqual([...fffd, ...fffd]);
    expect(utf8Encode('\uD800\uE000')).toEqual([...fffd, 0xee, 0x80, 0x80]);
    expect(utf8Encode('\uDC00\uD800')).toEqual([...fffd, ...fffd]);
    expect(utf8Encode('x\uD83D')).toEqual([0x78, ...fffd]);
    for (const text of ['\uD800', '\uDFFF', '\uD800a', 'x\uD83D', '\uDC00\uD800', '\uD83D\uDD11\uD83D']) {
      expect(utf8Encode(text)).toEqual([...Buffer.from(text, 'utf8')]);
    }
  });

  test('a truncated or broken sequence decodes to U+FFFD and the rest survives', () => {
    expect(utf8Decode([0xe4, 0xb8])).toBe('\uFFFD');
    expect(utf8Decode([0xe4, 0xb8, 0x41])).toBe('\uFFFDA');
    expect(utf8Decode([0xc3])).toBe('\uFFFD');
    expect(utf8Decode([0xc3, 0x41])).toBe('\uFFFDA');
    expect(utf8Decode([0xf0, 0x9f, 0x94])).toBe('\uFFFD');
    expect(utf8Decode([0xf0, 0x9f, 0x94, 0xc0])).toBe('\uFFFD\uFFFD');
    expect(utf8Decode([0x80, 0x41])).toBe('\uFFFDA');
    expect(utf8Decode([0xbf])).toBe('\uFFFD');
    expect(utf8Decode([0xf8, 0x41])).toBe('\uFFFDA');
    expect(utf8Decode([0xff])).toBe('\uFFFD');
    // Bytes that never start a character: continuation bytes, C0/C1 (overlong), F5 and up (beyond U+10FFFF).
    for (const bytes of [[0x80, 0x80], [0xbf, 0x80, 0x80], [0x80, 0x80, 0x80, 0x80], [0xc0, 0x80], [0xc1, 0xbf], [0xc1, 0x80, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf7, 0xbf, 0xbf, 0xbf], [0xf8, 0x80, 0x80, 0x80]]) {
      expect(utf8Decode(bytes)).toBe('\uFFFD'.repeat(bytes.length));
      expect(utf8Decode(bytes)).toBe(Buffer.from(bytes).toString('utf8'));
    }
    expect(utf8Decode([])).toBe('');
  });
});

describe('base64', () => {
  const bytesOf = (n, seed) => Array.from({ length: n }, (_, i) => (seed * 31 + i * 97) & 255);

  test('encodes every length remainder and every byte value like Buffer', () => {
    const all = Array.from({ length: 256 }, (_, i) => i);
    for (const bytes of [[], [0], [255], [0, 0], [255, 255], [0, 0, 0], [255, 255, 255], all, all.slice(1), all.slice(2), ...[1, 2, 3, 4, 5, 6, 7].map((n) => bytesOf(n, n))]) {
      const b64 = base64Encode(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64Decode(b64)).toEqual(bytes);
    }
  });

  test('decodes base64url and unpadded text (JWT segments)', () => {
    const bytes = [0xfb, 0xff, 0xbf, 0x3e, 0x00];
    const url = Buffer.from(bytes).toString('base64url');
    expect(url).toMatch(/[-_]/);
    expect(url).not.toContain('=');
    expect(base64Decode(url)).toEqual(bytes);
    expect(base64Decode('-_-_')).toEqual([...Buffer.from('+/+/', 'base64')]);
    expect(base64Decode('YQ')).toEqual([0x61]);
    expect(base64Decode('YWI')).toEqual([0x61, 0x62]);
    expect(base64Decode('YQ==')).toEqual([0x61]);
    expect(base64Decode('')).toEqual([]);
  });

  test('malformed text → null', () => {
    for (const bad of ['a$b', 'YQ=x', ' YQ', 'YQ ', '=YQ', 'Y', 'YWJjZ', 'YW\nI', '名字']) expect([bad, base64Decode(bad)]).toEqual([bad, null]);
  });
});

test('hexToBytes reads pairs of hex digits, either case', () => {
  expect(hexToBytes('')).toEqual([]);
  expect(hexToBytes('00ff7F80')).toEqual([0x00, 0xff, 0x7f, 0x80]);
  expect(hexToBytes('0a0B')).toEqual([10, 11]);
  const hex = 'c0ffee' + '0123456789abcdef';
  expect(hexToBytes(hex)).toEqual([...Buffer.from(hex, 'hex')]);
});
