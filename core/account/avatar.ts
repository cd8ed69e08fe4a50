// Avatar upload (account module): pick an image, check it, upload it with the user's token, set it
// as the profile photo. The image rule is the avatar uploader's (core/flows/avatar-uploader.ts), the
// one rule of the kit: PNG, JPEG, GIF, WebP or BMP; HEIC/HEIF are refused (WeChat's pickers hand out
// JPEG, Android's <image> cannot show HEIC, and the server accepts only the five).
import type { ErrorData, SDKResponse, UpdateAvatarOptions, UpdateAvatarResult, UploadFileResponseData } from '../types';
import type { ChosenImage } from '../platform/types';
import type { ClientContext } from '../context';
import { buildHeaders } from '../http';
import { fail, ok, Result } from '../errors';
import { DEADLINE_GRACE_MS, withDeadline } from '../deadline';
import { withoutSecrets } from '../redact';
import { checkAvatarFile, DEFAULT_MAX_AVATAR_BYTES } from '../flows/avatar-uploader';
import { updateUserInfo } from '../features/profile';

/** The kit's avatar rule for a picked file or a given path (size 0 / absent = unknown). */
export function checkImage(ctx: ClientContext, file: ChosenImage, maxSize: number): ErrorData | null {
  const problem = checkAvatarFile({ path: file.tempFilePath, size: file.size || undefined, fileType: file.fileType }, maxSize);
  if (!problem) return null;
  if (problem.key === 'noFile') return ctx.error('invalid_argument', 'invalidParam', { name: 'filePath' });
  return ctx.error('invalid_argument', problem.key, problem.key === 'imageTooLarge' ? problem.params : undefined);
}

async function pickImage(ctx: ClientContext): Promise<Result<ChosenImage>> {
  try {
    return ok(await ctx.config.platform.chooseImage());
  } catch (err) {
    return fail(ctx.platformError(err, 'platform'));
  }
}

function parseUpload(ctx: ClientContext, statusCode: number, text: string): Result<UploadFileResponseData> {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch (e) {
    json = undefined;
  }
  const body = json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  const good = statusCode >= 200 && statusCode < 300;
  const serverCode = body ? (typeof body.code === 'number' ? body.code : typeof body.statusCode === 'number' ? body.statusCode : undefined) : undefined;
  if (body && typeof body.message === 'string' && body.message && (!good || (serverCode !== undefined && serverCode !== 200 && serverCode !== 0))) {
    const error: ErrorData = { code: 'server', message: body.message, statusCode: serverCode !== undefined ? serverCode : statusCode };
    if (typeof body.apiCode === 'number') error.apiCode = body.apiCode;
    if (typeof body.requestId === 'string') error.requestId = body.requestId;
    return fail(error);
  }
  if (!good) return fail({ ...ctx.error('http', 'http', { status: statusCode }), statusCode });
  const data = body && (body.data as Record<string, unknown> | undefined);
  if (!data || typeof data.url !== 'string' || !data.url) return fail({ ...ctx.error('bad_response', 'badResponse'), statusCode });
  return ok(body as unknown as UploadFileResponseData);
}

async function uploadAvatar(
  ctx: ClientContext,
  token: string,
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<Result<UploadFileResponseData>> {
  const config = ctx.config;
  let res;
  try {
    // Images on a slow mobile link take longer than an API call.
    const timeout = Math.max(config.timeout, 60000);
    const upload = config.platform.uploadFile({
      url: config.host + '/api/v2/upload?folder=avatar',
      filePath,
      name: 'file',
      // The seed uploaded anonymously; we send the token and the SDK headers like every call.
      header: buildHeaders(config, { token }),
      timeout,
      onProgress,
    });
    // The kit's own deadline: a platform that never calls back still settles.
    res = await withDeadline(upload, timeout + DEADLINE_GRACE_MS, 'uploadFile');
  } catch (err) {
    return fail(withoutSecrets(ctx.lang, ctx.platformError(err, 'request'), token));
  }
  return parseUpload(ctx, res.statusCode, res.data);
}

/** A progress callback that cannot break the upload by throwing. */
function safeProgress(onProgress: ((percent: number) => void) | undefined): ((percent: number) => void) | undefined {
  if (!onProgress) return undefined;
  return (percent) => {
    try {
      onProgress(percent);
    } catch (e) {
      // a throwing progress callback must not break the upload
    }
  };
}

/**
 * Picks an image (images only), checks it, uploads it with the token, then sets it as the profile
 * photo. A failed profile update is reported, not swallowed.
 */
export function updateAvatar(ctx: ClientContext, options?: UpdateAvatarOptions): SDKResponse<UpdateAvatarResult> {
  return ctx.run(async () => {
    const opts = options || {};
    const maxSize = opts.maxSize === undefined ? DEFAULT_MAX_AVATAR_BYTES : opts.maxSize;
    if (typeof maxSize !== 'number' || !(maxSize > 0)) return fail(ctx.error('invalid_argument', 'invalidParam', { name: 'maxSize' }));
    if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') return fail(ctx.error('invalid_argument', 'invalidParam', { name: 'onProgress' }));
    const [tokenErr, token] = await ctx.accessToken();
    if (tokenErr) return fail(tokenErr);
    let file: ChosenImage;
    if (opts.filePath !== undefined) {
      if (typeof opts.filePath !== 'string' || !opts.filePath) return fail(ctx.error('invalid_argument', 'invalidParam', { name: 'filePath' }));
      // Size unknown for a given path; the type is still checked by extension.
      file = { tempFilePath: opts.filePath, size: 0 };
    } else {
      const [pickErr, picked] = await pickImage(ctx);
      if (pickErr) return fail(pickErr);
      file = picked!;
    }
    const problem = checkImage(ctx, file, maxSize);
    if (problem) return fail(problem);
    const [upErr, upload] = await uploadAvatar(ctx, token!, file.tempFilePath, safeProgress(opts.onProgress));
    if (upErr) return fail(upErr);
    const [profileErr, userInfo] = await updateUserInfo(ctx, { photo: upload!.data.url });
    if (profileErr) return fail(profileErr);
    return ok({ ...upload!, userInfo: userInfo! });
  });
}
