// @ts-check
'use strict';

/**
 * Just enough multipart/form-data parsing for one file upload (wx.uploadFile).
 * @typedef {{name: string, filename: string|null, contentType: string|null, data: Buffer}} Part
 */

/**
 * @param {string|undefined} contentType
 * @returns {string|null}
 */
function getBoundary(contentType) {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] || m[2]) : null;
}

/**
 * @param {Buffer} body
 * @param {string} boundary
 * @returns {Part[]} throws Error on malformed input
 */
function parseMultipart(body, boundary) {
  const delim = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  /** @type {Part[]} */
  const parts = [];
  let pos = body.indexOf(delim);
  if (pos < 0) throw new Error('boundary not found');
  pos += delim.length;
  for (;;) {
    if (body.subarray(pos, pos + 2).toString() === '--') return parts; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') throw new Error('malformed part delimiter');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new Error('part headers not terminated');
    const headers = body.subarray(pos, headerEnd).toString('utf8').split('\r\n');
    const end = body.indexOf(next, headerEnd + 4);
    if (end < 0) throw new Error('part not terminated');
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) || '';
    const type = headers.find((h) => /^content-type:/i.test(h));
    const name = /\bname="([^"]*)"/i.exec(disposition);
    const filename = /\bfilename="([^"]*)"/i.exec(disposition);
    if (!name) throw new Error('part without a name');
    parts.push({
      name: name[1],
      filename: filename ? filename[1] : null,
      contentType: type ? type.slice(type.indexOf(':') + 1).trim() : null,
      data: body.subarray(headerEnd + 4, end),
    });
    pos = end + next.length;
  }
}

/**
 * Sniffs the real type from magic bytes; the declared content-type is not trusted.
 * @param {Buffer} b
 * @returns {{ext: string, contentType: string}|null}
 */
function sniffImage(b) {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { ext: 'png', contentType: 'image/png' };
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { ext: 'jpg', contentType: 'image/jpeg' };
  const head = b.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return { ext: 'gif', contentType: 'image/gif' };
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') {
    return { ext: 'webp', contentType: 'image/webp' };
  }
  return null;
}

module.exports = { getBoundary, parseMultipart, sniffImage };
