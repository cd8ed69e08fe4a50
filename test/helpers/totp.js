// RFC 6238 TOTP (SHA-1, 30 s, 6 digits), computed in the tests independently of the devserver's own
// implementation, from the secret the devserver prints (as a person would with an authenticator app).
const crypto = require('crypto');

function totpCode(base32Secret, timeMs) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32Secret) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30000)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/** A 6-digit code that is NOT the current one (for "wrong code" tests). */
const wrongTotp = (secret, timeMs) => (totpCode(secret, timeMs) === '000000' ? '111111' : '000000');

module.exports = { totpCode, wrongTotp };
