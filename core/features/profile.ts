// The profile: read and update (auth-gated). check + body + call in one place.
import type { GetUserInfoOptions, SDKResponse, UpdateUserInfo, UserInfo } from '../types';
import type { ClientContext } from '../context';
import { Checked, Json, isObject, param } from '../checks';
import { jsonArgument } from '../json-argument';
import { fail, ok } from '../errors';
import { unwrapData } from '../http';
import { validateBirthdate, validateGender, validateText, validateUsername } from '../validate';

const USER_INFO_FLAGS = ['withCustomData', 'withIdentities', 'withDepartmentIds'] as const;

/** No argument → all three flags false (seed); an object → only its keys. */
export function checkUserInfoQuery(query?: GetUserInfoOptions): Checked<Json> {
  if (query === undefined || query === null) return { value: { withCustomData: false, withIdentities: false, withDepartmentIds: false } };
  if (!isObject(query)) return param('query');
  const out: Json = {};
  for (const key of USER_INFO_FLAGS) {
    const value = (query as Json)[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return param(key);
    out[key] = value;
  }
  return { value: out };
}

const TEXT_FIELDS = ['name', 'nickname', 'externalId', 'country', 'province', 'city', 'address', 'streetAddress', 'postalCode', 'username', 'company'] as const;

/** Avatar URLs from CDNs are often longer than a free-text field. */
const PHOTO_MAX = 1024;

export function checkUpdateUserInfo(data: UpdateUserInfo): Checked<Json> {
  if (!isObject(data)) return param('data');
  const src = data as Json;
  const out: Json = {};
  for (const field of TEXT_FIELDS) {
    if (src[field] === undefined) continue;
    const problem = field === 'username' ? validateUsername(src[field]) : validateText(src[field], field);
    if (problem) return { problem };
    out[field] = src[field];
  }
  if (src.photo !== undefined) {
    const problem = validateText(src.photo, 'photo', PHOTO_MAX);
    if (problem) return { problem };
    out.photo = src.photo;
  }
  if (src.gender !== undefined) {
    const problem = validateGender(src.gender);
    if (problem) return { problem };
    out.gender = src.gender;
  }
  if (src.birthdate !== undefined) {
    const problem = validateBirthdate(src.birthdate);
    if (problem) return { problem };
    out.birthdate = src.birthdate;
  }
  if (src.customData !== undefined) {
    if (!isObject(src.customData)) return param('customData');
    const customData = jsonArgument(src.customData, 'customData');
    if (customData.problem) return customData;
    out.customData = customData.value;
  }
  return { value: out };
}


export function getUserInfo(ctx: ClientContext, query?: GetUserInfoOptions): SDKResponse<UserInfo> {
  return ctx.run(async () => {
    const [argErr, params] = ctx.checked(checkUserInfoQuery(query));
    if (argErr) return fail(argErr);
    const [tokenErr, token] = await ctx.accessToken();
    if (tokenErr) return fail(tokenErr);
    const [err, json] = await ctx.call({ method: 'GET', path: '/api/v3/get-profile', userPool: true, token, data: params });
    if (err) return fail(err);
    return ok(unwrapData(json!) as UserInfo);
  });
}

export function updateUserInfo(ctx: ClientContext, data: UpdateUserInfo): SDKResponse<UserInfo> {
  return ctx.run(async () => {
    const [argErr, body] = ctx.checked(checkUpdateUserInfo(data));
    if (argErr) return fail(argErr);
    const [err, json] = await ctx.authPost('/api/v3/update-profile', body!);
    if (err) return fail(err);
    return ok(unwrapData(json!) as UserInfo);
  });
}
