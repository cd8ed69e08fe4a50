// Forgot password: verify a CHANNEL_RESET_PASSWORD code for a single-use reset token, then set
// the new password with it (encrypted like a login's).
import { fail, Result } from '../errors';
import type { JourneyContext, Json } from './context';
import type { ResetPasswordOptions, ResetPasswordResult, VerifyResetPasswordRequestOptions, VerifyResetPasswordRequestResult } from './types';
import { checkResetPassword, checkVerifyResetPasswordRequest } from './checks';
import { checked, dataWith, publicPost } from './request';

export async function verifyResetPasswordRequest(
  ctx: JourneyContext, data: VerifyResetPasswordRequestOptions,
): Promise<Result<VerifyResetPasswordRequestResult>> {
  const [argErr, body] = checked(ctx, checkVerifyResetPasswordRequest(data));
  if (argErr) return fail(argErr);
  return dataWith(ctx, await publicPost(ctx, '/api/v3/verify-reset-password-request', body!), ['passwordResetToken']);
}

export async function resetPassword(ctx: JourneyContext, data: ResetPasswordOptions): Promise<Result<ResetPasswordResult>> {
  const [argErr, input] = checked(ctx, checkResetPassword(data));
  if (argErr) return fail(argErr);
  const { password, passwordResetToken, encryptType } = input!;
  const [encErr, encrypted] = await ctx.encrypt([password], encryptType);
  if (encErr) return fail(encErr);
  const body: Json = { password: encrypted![0], passwordResetToken };
  if (encryptType) body.passwordEncryptType = encryptType;
  const result = await publicPost(ctx, '/api/v3/reset-password', body);
  if (result[0]) ctx.noteEncryptedFailure(result[0], encryptType);
  return dataWith(ctx, result, ['success']);
}
