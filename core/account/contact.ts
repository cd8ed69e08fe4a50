// Account module: email codes, bind / change phone and email (auth-gated, headers U + T).
import type {
  BindEmailOptions, BindPhoneOptions, SDKResponse, SendEmailCodeOptions, SimpleResponseData, UpdateEmailOptions, UpdateEmailRequestOptions,
  UpdateEmailRequestResult, UpdatePhoneOptions, UpdatePhoneRequestOptions, UpdatePhoneRequestResult,
} from '../types';
import type { ClientContext } from '../context';
import type { Checked, Json } from '../checks';
import { fail, ok, Result } from '../errors';
import {
  checkBindEmail, checkBindPhone, checkSendEmailCode, checkToken, checkUpdateEmailRequest, checkUpdatePhoneRequest,
} from './checks';

/** Calls without `data` (Authing answers CommonResponseDto): the envelope, as the seed returns it. */
export async function simplePost(ctx: ClientContext, checked: Checked<Json>, path: string): Promise<Result<SimpleResponseData>> {
  const [argErr, body] = ctx.checked(checked);
  if (argErr) return fail(argErr);
  const [err, json] = await ctx.authPost(path, body!);
  return err ? fail(err) : ok(json as unknown as SimpleResponseData);
}

/** A verify-*-request answer: `data` must carry the token named `field`. */
export function tokenData<T>(ctx: ClientContext, result: Result<Json>, field: string): Result<T> {
  const [err, json] = result;
  if (err) return fail(err);
  const data = json!.data as Json | undefined;
  if (!data || typeof data !== 'object' || typeof data[field] !== 'string' || !data[field]) return fail(ctx.error('bad_response', 'badResponse'));
  return ok({ ...data } as unknown as T);
}

/** A checked verify-*-request: POST it, then read the token named `field` from `data`. */
async function tokenRequest<T>(ctx: ClientContext, checked: Checked<Json>, path: string, field: string): Promise<Result<T>> {
  const [argErr, body] = ctx.checked(checked);
  if (argErr) return fail(argErr);
  return tokenData<T>(ctx, await ctx.authPost(path, body!), field);
}

export function sendEmailCode(ctx: ClientContext, data: SendEmailCodeOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(async () => {
    const [argErr, body] = ctx.checked(checkSendEmailCode(data));
    if (argErr) return fail(argErr);
    const [err, json] = await ctx.call({ method: 'POST', path: '/api/v3/send-email', userPool: true, data: body });
    return err ? fail(err) : ok(json as unknown as SimpleResponseData);
  });
}

export function bindPhone(ctx: ClientContext, data: BindPhoneOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(() => simplePost(ctx, checkBindPhone(data), '/api/v3/bind-phone'));
}

export function bindEmail(ctx: ClientContext, data: BindEmailOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(() => simplePost(ctx, checkBindEmail(data), '/api/v3/bind-email'));
}

export function updatePhoneRequest(ctx: ClientContext, data: UpdatePhoneRequestOptions): SDKResponse<UpdatePhoneRequestResult> {
  return ctx.run(() => tokenRequest<UpdatePhoneRequestResult>(ctx, checkUpdatePhoneRequest(data), '/api/v3/verify-update-phone-request', 'updatePhoneToken'));
}

export function updatePhone(ctx: ClientContext, data: UpdatePhoneOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(() => simplePost(ctx, checkToken(data, 'updatePhoneToken'), '/api/v3/update-phone'));
}

export function updateEmailRequest(ctx: ClientContext, data: UpdateEmailRequestOptions): SDKResponse<UpdateEmailRequestResult> {
  return ctx.run(() => tokenRequest<UpdateEmailRequestResult>(ctx, checkUpdateEmailRequest(data), '/api/v3/verify-update-email-request', 'updateEmailToken'));
}

export function updateEmail(ctx: ClientContext, data: UpdateEmailOptions): SDKResponse<SimpleResponseData> {
  return ctx.run(() => simplePost(ctx, checkToken(data, 'updateEmailToken'), '/api/v3/update-email'));
}
