// Account module: change the password, delete the account (both may encrypt a password like the
// login: the registered encryptor of the type, or the client's own encryptFunction).
import type {
  DeleteAccountOptions, DeleteAccountRequestOptions, DeleteAccountRequestResult, SDKResponse, SimpleResponseData, UpdatePasswordOptions,
} from '../types';
import type { ClientContext } from '../context';
import type { Json } from '../checks';
import { fail, ok } from '../errors';
import { checkDeleteAccountRequest, checkToken, checkUpdatePassword } from './checks';
import { simplePost, tokenData } from './contact';

export function updatePassword(ctx: ClientContext, data: UpdatePasswordOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(async () => {
    const [argErr, input] = ctx.checked(checkUpdatePassword(data));
    if (argErr) return fail(argErr);
    const [tokenErr, token] = await ctx.accessToken();
    if (tokenErr) return fail(tokenErr);
    const { newPassword, oldPassword, encryptType } = input!;
    // Both passwords are encrypted (the seed sent oldPassword in clear under an encrypt type).
    const plain = oldPassword === undefined ? [newPassword] : [newPassword, oldPassword];
    const [encErr, encrypted] = await ctx.encrypt(plain, encryptType);
    if (encErr) return fail(encErr);
    const body: Json = { newPassword: encrypted![0] };
    if (oldPassword !== undefined) body.oldPassword = encrypted![1];
    if (encryptType) body.passwordEncryptType = encryptType;
    const [err, json] = await ctx.authPost('/api/v3/update-password', body, token);
    if (err) {
      ctx.noteEncryptedFailure(err, encryptType);
      return fail(err);
    }
    return ok(json as unknown as SimpleResponseData);
  });
}

/** With `passwordEncryptType` rsa/sm2 the password is encrypted like updatePassword's (the seed sent it in clear). */
export function deleteAccountRequest(ctx: ClientContext, data: DeleteAccountRequestOptions): SDKResponse<DeleteAccountRequestResult> {
  return ctx.run(async () => {
    const [argErr, input] = ctx.checked(checkDeleteAccountRequest(data));
    if (argErr) return fail(argErr);
    const { password, encryptType } = input!;
    const body: Json = { ...input!.body };
    // The auth gate comes before the public-key fetch and the encryption.
    const [tokenErr, token] = await ctx.accessToken();
    if (tokenErr) return fail(tokenErr);
    if (password !== undefined) {
      const [encErr, encrypted] = await ctx.encrypt([password], encryptType);
      if (encErr) return fail(encErr);
      const passwordPayload: Json = { password: encrypted![0] };
      if (encryptType) passwordPayload.passwordEncryptType = encryptType;
      body.passwordPayload = passwordPayload;
    }
    const result = await ctx.authPost('/api/v3/verify-delete-account-request', body, token);
    if (result[0]) ctx.noteEncryptedFailure(result[0], encryptType);
    return tokenData<DeleteAccountRequestResult>(ctx, result, 'deleteAccountToken');
  });
}

/** Deletes the account, then clears the stored login state (its tokens are dead now). */
export function deleteAccount(ctx: ClientContext, data: DeleteAccountOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(async () => {
    const [err, res] = await simplePost(ctx, checkToken(data, 'deleteAccountToken'), '/api/v3/delete-account');
    if (err) return fail(err);
    try {
      await ctx.store.clear();
    } catch (e) {
      // The account is gone whatever storage says; a leftover state only fails with 401 later.
    }
    return ok(res!);
  });
}
