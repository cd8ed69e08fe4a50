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

test('gender spellings: M/F/U and male/female/unknown in any case and padding; anything else is left out', () => {
  const genderOf = (g) => (userInfoFromClaims(jwt({ sub: 'u', gender: g })) || {}).gender;
  expect([' MALE ', 'm', 'Female', 'f', 'U', 'unknown'].map(genderOf)).toEqual(['M', 'M', 'F', 'F', 'U', 'U']);
  expect([1, true, '', 'other', 'mf'].map(genderOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
});

test('the other standard claims keep their names; only non-empty strings are taken (or a boolean for the *_verified ones)', () => {
  const claims = { given_name: 'G', family_name: 'F', locale: 'zh-CN', zoneinfo: 'Asia/Shanghai', website: 'https://w', profile: 'https://p' };
  expect(userInfoFromClaims(jwt({ sub: 'u', ...claims }))).toEqual({ userId: 'u', ...claims });
  expect(userInfoFromClaims(jwt({ sub: 'u', name: true, email: 5, picture: '', email_verified: null, phone_number_verified: true }))).toEqual({ userId: 'u', phoneVerified: true });
  expect(userInfoFromClaims(jwt({ sub: 7 }))).toBeUndefined();
});

test('a token that is not three dot-separated parts of base64 JSON has no claims', () => {
  const payload = Buffer.from(JSON.stringify({ sub: 'u' })).toString('base64url');
  expect(jwtClaims(`e30.${payload}.sig`)).toEqual({ sub: 'u' });
  expect(jwtClaims(`e30.${payload}`)).toBeUndefined();
  expect(jwtClaims(`e30.${payload}.sig.extra`)).toBeUndefined();
  expect(jwtClaims(`e30.${Buffer.from('{"sub":').toString('base64url')}.sig`)).toBeUndefined();
  expect(jwtClaims(`e30.${Buffer.from('null').toString('base64url')}.sig`)).toBeUndefined();
  expect(jwtClaims(12345)).toBeUndefined();
});
