// Users for the forgot-password tests, made over HTTP on a devserver: a phone user (signed up with a
// CHANNEL_REGISTER code) or an email user (signed up with a password), each with a known old password.
// The devserver allows one code per phone / email per minute whatever the channel (as Authing), so
// `pastCooldown` moves that server's clock past the minute before the next send.
const { dev } = require('./server');
const { Authing } = require('../../miniprogram_dist/index');
require('../../miniprogram_dist/journey');
require('../../miniprogram_dist/account');

const OLD_PASSWORD = 'Old@123456';
let seq = 0;
const unique = () => `${process.pid % 1000}${++seq}`.slice(-6).padStart(6, '0');

function clientOf(srv, extra = {}) {
  return new Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url, ...extra });
}

const pastCooldown = (srv) => dev(srv.url).post('/__dev/clock', { advanceMs: srv.config.sendCooldown * 1000 + 1000 });

/** A new user with a phone (`137…`) and the old password; the server clock is then past the send cooldown. */
async function phoneUser(srv) {
  const client = clientOf(srv);
  const phone = `1370${unique()}0`.slice(0, 11);
  const [sendErr] = await client.sendSms({ phoneNumber: phone, channel: 'CHANNEL_REGISTER' });
  if (sendErr) throw new Error(sendErr.message);
  const passCode = await dev(srv.url).smsCode(phone, 'CHANNEL_REGISTER');
  const [err] = await client.signUp({ connection: 'PASSCODE', passCodePayload: { phone, passCode }, options: { passwordForPhonePassCode: OLD_PASSWORD } });
  if (err) throw new Error(err.message);
  await pastCooldown(srv);
  return { phone, password: OLD_PASSWORD };
}

/** A new user with an email and the old password (no code was sent). */
async function emailUser(srv) {
  const email = `reset-${unique()}@example.com`;
  const [err] = await clientOf(srv).signUp({ connection: 'PASSWORD', passwordPayload: { email, password: OLD_PASSWORD } });
  if (err) throw new Error(err.message);
  return { email, password: OLD_PASSWORD };
}

/** Signs in with a password on a fresh client: null when accepted, else the error. */
async function signIn(srv, passwordPayload) {
  const [err] = await clientOf(srv).loginByPassword({ passwordPayload });
  return err;
}

module.exports = { OLD_PASSWORD, clientOf, pastCooldown, phoneUser, emailUser, signIn };
