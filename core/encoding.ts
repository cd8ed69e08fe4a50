// Byte/text helpers that work where WeChat offers none of TextEncoder, btoa/atob or Buffer.

/** UTF-8 bytes of a JS string (lone surrogates become U+FFFD, like TextEncoder). */
export function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const low = text.charCodeAt(i + 1); // NaN past the end: no low surrogate
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Decodes UTF-8; invalid sequences become U+FFFD. */
export function utf8Decode(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i++];
    let cp = 0xfffd;
    let extra = 0;
    // Lead bytes C0/C1 (overlong) and F5–FF (beyond U+10FFFF) never start a character.
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0) { cp = b & 31; extra = 1; }
    else if (b >= 0xe0 && b < 0xf0) { cp = b & 15; extra = 2; }
    else if (b >= 0xf0 && b < 0xf5) { cp = b & 7; extra = 3; }
    for (let k = 0; k < extra; k++) {
      const c = bytes[i];
      // Past the end c is undefined, and undefined & 0xc0 is 0: no continuation byte.
      if ((c & 0xc0) !== 0x80) { cp = 0xfffd; extra = 0; break; }
      cp = (cp << 6) | (c & 63);
      i++;
    }
    out += cp > 0xffff
      ? String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + (cp & 1023))
      : String.fromCharCode(cp);
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : -1;
    const c = i + 2 < bytes.length ? bytes[i + 2] : -1;
    const n = (a << 16) | ((b < 0 ? 0 : b) << 8) | (c < 0 ? 0 : c);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += b < 0 ? '=' : ALPHABET[(n >> 6) & 63];
    out += c < 0 ? '=' : ALPHABET[n & 63];
  }
  return out;
}

/** Accepts standard and URL-safe alphabets, with or without padding; null when malformed. */
export function base64Decode(text: string): number[] | null {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return null;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    buffer = (buffer << 6) | ALPHABET.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 255);
    }
  }
  return out;
}

export function hexToBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.substr(i, 2), 16));
  return out;
}
