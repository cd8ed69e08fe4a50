// Users made per test for the account tests (<authing-account>, AccountFlow): each test signs up its own
// user through the real client (username + password, a phone by SMS code, an email by code), so tests that
// share one devserver never see each other's changes. Codes are read from the devserver's dev inbox.
const { call, dev } = require('./server');
const { Authing } = require('../../miniprogram_dist/index');
require('../../miniprogram_dist/account'); // the account methods on Authing

const PASSWORD = 'Acct@123456';
let seq = 0;
const unique = () => `${process.pid % 10000}${++seq}`.slice(-8).padStart(8, '0');

/** A fresh mainland number / address nobody on this server has. */
const newPhone = () => `137${unique()}`;
const newEmail = () => `acct${unique()}@example.com`;

function clientOf(srv, lang = 'zh-CN') {
  return new Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url, lang });
}

/** The devserver's send cooldown (1 s in these tests) is per number / address: step its clock past it. */
const pastCooldown = (srv) => dev(srv.url).post('/__dev/clock', { advanceMs: 1100 });

const smsCode = (srv, phone, channel) => dev(srv.url).smsCode(phone, channel);
const emailCode = (srv, email, channel) => dev(srv.url).emailCode(email, channel);

/** Logs in (and registers) a username + password user with `client`; its state is the stored one. */
async function passwordUser(srv, client = clientOf(srv)) {
  const username = `acct-${unique()}`;
  const [err] = await client.loginByPassword({ passwordPayload: { username, password: PASSWORD }, options: { autoRegister: true } });
  if (err) throw new Error(`sign-up failed: ${err.message}`);
  return { client, username, password: PASSWORD };
}

/** A user registered by SMS code: a phone, no password. */
async function phoneUser(srv, client = clientOf(srv)) {
  const phone = newPhone();
  await pastCooldown(srv);
  const [sendErr] = await client.sendSms({ phoneNumber: phone, channel: 'CHANNEL_LOGIN' });
  if (sendErr) throw new Error(`send failed: ${sendErr.message}`);
  const [err] = await client.loginByPassCode({ passCodePayload: { phone, passCode: await smsCode(srv, phone, 'CHANNEL_LOGIN') }, options: { autoRegister: true } });
  if (err) throw new Error(`sign-up failed: ${err.message}`);
  return { client, phone };
}

/** A user registered by email code: an email, no password. */
async function emailUser(srv, client = clientOf(srv)) {
  const email = newEmail();
  await pastCooldown(srv);
  const [sendErr] = await client.sendEmailCode({ email, channel: 'CHANNEL_LOGIN' });
  if (sendErr) throw new Error(`send failed: ${sendErr.message}`);
  const [err] = await client.loginByPassCode({ passCodePayload: { email, passCode: await emailCode(srv, email, 'CHANNEL_LOGIN') }, options: { autoRegister: true } });
  if (err) throw new Error(`sign-up failed: ${err.message}`);
  return { client, email };
}

/** Whether `account` + `password` can log in now: a raw sign-in over HTTP (the stored login state is untouched). */
async function canLogIn(srv, account, password) {
  const headers = { 'x-authing-app-id': srv.config.appId, 'x-authing-userpool-id': srv.config.userPoolId };
  const r = await call(srv.url, 'POST', '/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { account, password } }, headers);
  return r.status === 200 && !!(r.json && r.json.data && r.json.data.access_token);
}

module.exports = { PASSWORD, newPhone, newEmail, clientOf, pastCooldown, smsCode, emailCode, passwordUser, phoneUser, emailUser, canLogIn };
