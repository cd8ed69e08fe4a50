// id_token claims → UserInfo (core/claims): what the components put in the login event's userInfo.
const { userInfoFromClaims, jwtClaims } = require('../../miniprogram_dist/index');

const jwt = (payload) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

test('standard claims map onto UserInfo fields; gender normalised to M/F/U', () => {
  const token = jwt({
    sub: 'u1', name: '名字', nickname: 'Nick', picture: 'https://x/p.png', gender: 'female', birthdate: '1990-01-02',
    email: 'a@b.co', email_verified: true, phone_number: '13800000000', phone_number_verified: false, preferred_username: 'nick',
    iss: 'x', aud: 'y', exp: 1,
  });
  expect(userInfoFromClaims(token)).toEqual({
    userId: 'u1', name: '名字', nickname: 'Nick', photo: 'https://x/p.png', gender: 'F', birthdate: '1990-01-02', email: 'a@b.co',
    emailVerified: true, phone: '13800000000', phoneVerified: false, username: 'nick',
  });
  expect(userInfoFromClaims({ access_token: 'a', expires_in: 1, expires_at: 1, id_token: jwt({ sub: 'u2', gender: 'M' }) })).toEqual({ userId: 'u2', gender: 'M' });
});

test('no readable id_token or no sub → undefined; null / empty claims are left out', () => {
  expect(userInfoFromClaims(undefined)).toBeUndefined();
  expect(userInfoFromClaims({ access_token: 'a', expires_in: 1, expires_at: 1 })).toBeUndefined();
  expect(userInfoFromClaims('not.a.jwt')).toBeUndefined();
  expect(userInfoFromClaims(jwt({ name: 'no sub' }))).toBeUndefined();
  expect(userInfoFromClaims(jwt({ sub: 'u3', nickname: null, name: '', gender: 'x' }))).toEqual({ userId: 'u3' });
  expect(jwtClaims(jwt([1, 2]))).toBeUndefined();
});
