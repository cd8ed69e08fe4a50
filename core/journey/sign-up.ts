// Sign-up (POST /api/v3/signup). Authing answers the new user without tokens: sign in afterwards.
import type { UserInfo } from '../types';
import { fail, Result } from '../errors';
import type { JourneyContext, Json } from './context';
import type { SignUpOptions } from './types';
import { checkSignUp } from './checks';
import { checked, dataWith, publicPost } from './request';

export async function signUp(ctx: JourneyContext, data: SignUpOptions): Promise<Result<UserInfo>> {
  const [argErr, input] = checked(ctx, checkSignUp(data));
  if (argErr) return fail(argErr);
  const { body, passwords, encryptType } = input!;
  const [encErr, encrypted] = await ctx.encrypt(passwords, encryptType);
  if (encErr) return fail(encErr);
  const out: Json = { ...body, options: { ...(body.options as Json) } };
  const options = out.options as Json;
  if (body.passwordPayload) out.passwordPayload = { ...(body.passwordPayload as Json), password: encrypted![0] };
  else if (encrypted!.length) options.passwordForPhonePassCode = encrypted![0];
  if (encryptType) options.passwordEncryptType = encryptType;
  if (!Object.keys(options).length) delete out.options;
  const result = await publicPost(ctx, '/api/v3/signup', out);
  if (result[0]) ctx.noteEncryptedFailure(result[0], encryptType);
  return dataWith<UserInfo>(ctx, result, ['userId']);
}
