// fast-check generators for the property suites: hostile values (wrong types, BigInt, cycles, throwing
// toJSON, own "__proto__" keys, huge and malformed strings) and arguments shaped like each method's.
const fc = require('fast-check');

/** Runs per property: bounded so `npm test` stays fast; FC_RUNS raises it for a long local hunt. */
const RUNS = Number(process.env.FC_RUNS) || 25;
// A fixed seed (FC_SEED; the mutation run sets one) replays the same cases; otherwise each run explores new ones.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });

const cyclic = () => { const o = { a: 1 }; o.self = o; return o; };

const specialStrings = fc.constantFrom('', ' ', '\u0000', '\uD800', 'ａｂｃ', '\u202Eevil', '__proto__', 'constructor', '13800000000', 'demo',
  'demo@example.com', '123456', 'CHANNEL_LOGIN', 'rsa', 'sm2', 'none', '+86', 'x'.repeat(70000), '{"a":1}', 'null', 'a=b&c=d');

const specialValues = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.constant(NaN), fc.constant(Infinity), fc.constant(-0),
  fc.bigInt().map((n) => n), fc.constant(1e308),
  fc.constant(0).map(() => cyclic()),
  fc.constant(0).map(() => ({ toJSON() { throw new Error('toJSON failed'); } })),
  fc.constant(0).map(() => JSON.parse('{"__proto__":{"passwordEncryptType":"rsa","polluted":true}}')),
  fc.constant(0).map(() => Object.create(null)),
  fc.constant(0).map(() => () => 'fn'),
);

/** Any single hostile value. */
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, maxDepth: 3 }) },
  { weight: 3, arbitrary: specialStrings },
  { weight: 2, arbitrary: specialValues },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
);

/** An object with some of `keys` (each a hostile value, or a nested shape from `nested`). */
function shaped(keys, nested = {}) {
  const fields = {};
  for (const k of keys) fields[k] = nested[k] ? fc.oneof(hostile, nested[k]) : hostile;
  return fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) });
}

const options = shaped(['passwordEncryptType', 'scope', 'context', 'customData', 'tenantId', 'autoRegister']);

/** Hostile arguments for each public method that takes one (updateAvatar is left out: it opens the picker). */
const METHOD_ARGS = {
  saveLoginState: shaped(['access_token', 'id_token', 'refresh_token', 'expires_in', 'expire_in', 'expires_at']),
  getPublicKey: hostile,
  loginByPassword: shaped(['passwordPayload', 'options'], { passwordPayload: shaped(['account', 'email', 'username', 'phone', 'password']), options }),
  loginByPassCode: shaped(['passCodePayload', 'options'], { passCodePayload: shaped(['passCode', 'phone', 'email', 'phoneCountryCode']), options }),
  loginByCode: shaped(['extIdpConnidentifier', 'connection', 'wechatMiniProgramCodePayload', 'options'], { wechatMiniProgramCodePayload: shaped(['encryptedData', 'iv']), options }),
  loginByPhone: shaped(['extIdpConnidentifier', 'wechatMiniProgramCodeAndPhonePayload', 'options'], {
    wechatMiniProgramCodeAndPhonePayload: shaped(['wxPhoneInfo', 'wxLoginInfo'], { wxPhoneInfo: shaped(['code']), wxLoginInfo: shaped(['encryptedData', 'iv']) }), options,
  }),
  sendSms: shaped(['phoneNumber', 'phoneCountryCode', 'channel']),
  sendEmailCode: shaped(['email', 'channel']),
  getPhone: shaped(['code', 'extIdpConnidentifier']),
  updatePassword: shaped(['newPassword', 'oldPassword', 'passwordEncryptType']),
  getUserInfo: shaped(['withCustomData', 'withIdentities', 'withDepartmentIds']),
  updateUserInfo: shaped(['nickname', 'username', 'name', 'photo', 'gender', 'birthdate', 'customData', 'company']),
  bindPhone: shaped(['phoneNumber', 'phoneCountryCode', 'passCode']),
  bindEmail: shaped(['email', 'passCode']),
  updatePhoneRequest: shaped(['verifyMethod', 'phonePassCodePayload'], { phonePassCodePayload: shaped(['newPhoneNumber', 'newPhonePassCode', 'newPhoneCountryCode', 'oldPhoneNumber', 'oldPhonePassCode']) }),
  updatePhone: shaped(['updatePhoneToken']),
  updateEmailRequest: shaped(['verifyMethod', 'emailPassCodePayload'], { emailPassCodePayload: shaped(['newEmail', 'newEmailPassCode', 'oldEmail', 'oldEmailPassCode']) }),
  updateEmail: shaped(['updateEmailToken']),
  deleteAccountRequest: shaped(['verifyMethod', 'phonePassCodePayload', 'emailPassCodePayload', 'passwordPayload'], { passwordPayload: shaped(['password', 'passwordEncryptType']) }),
  deleteAccount: shaped(['deleteAccountToken']),
  decryptData: shaped(['extIdpConnidentifier', 'encryptedData', 'iv', 'code']),
  bindWxByCode: shaped(['extIdpConnidentifier', 'encryptedData', 'iv', 'rawData']),
};

const ERROR_CODES = ['invalid_argument', 'not_logged_in', 'login_expired', 'refresh_expired', 'network', 'timeout', 'http', 'bad_response', 'server', 'encrypt', 'platform', 'cancel'];

module.exports = { fc, RUNS, hostile, METHOD_ARGS, ERROR_CODES };
