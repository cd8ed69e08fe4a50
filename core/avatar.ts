// Avatar: pick an image, check it, upload it with the user's token, parse the answer.
// The profile update that follows lives in the client (it reuses updateUserInfo).
import type { ErrorData, Lang, UploadFileResponseData } from './types';
import type { ChosenImage, Platform } from './platform/types';
import { buildHeaders, HttpConfig } from './http';
import { fail, kitError, ok, platformError, Result } from './errors';
import { translate } from './i18n';
import { DEADLINE_GRACE_MS, withDeadline } from './deadline';
import { withoutSecrets } from './redact';

export const DEFAULT_MAX_AVATAR = 2 * 1024 * 1024;
const IMAGE_EXT = /\.(jpe?g|png|gif|webp|bmp|heic|heif)$/i;
const ANY_EXT = /\.([A-Za-z0-9]{1,5})$/;

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Image check: the platform's fileType when given, else the temp path's extension when it has one. */
export function checkImage(lang: Lang, file: ChosenImage, maxSize: number): ErrorData | null {
  const path = file.tempFilePath.split('?')[0];
  const notImage = (file.fileType !== undefined && file.fileType !== 'image') || (ANY_EXT.test(path) && !IMAGE_EXT.test(path));
  if (notImage) return kitError(lang, 'invalid_argument', 'notImage');
  if (file.size > maxSize) return kitError(lang, 'invalid_argument', 'imageTooLarge', { max: formatSize(maxSize) });
  return null;
}

export async function pickImage(platform: Platform, lang: Lang): Promise<Result<ChosenImage>> {
  try {
    return ok(await platform.chooseImage());
  } catch (err) {
    return fail(platformError(lang, err, 'platform'));
  }
}

function parseUpload(lang: Lang, statusCode: number, text: string): Result<UploadFileResponseData> {
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
  if (!good) return fail({ code: 'http', message: translate(lang, 'http', { status: statusCode }), statusCode });
  const data = body && (body.data as Record<string, unknown> | undefined);
  if (!data || typeof data.url !== 'string' || !data.url) return fail({ code: 'bad_response', message: translate(lang, 'badResponse'), statusCode });
  return ok(body as unknown as UploadFileResponseData);
}

export async function uploadAvatar(
  config: HttpConfig,
  token: string,
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<Result<UploadFileResponseData>> {
  let res;
  try {
    const timeout = Math.max(config.timeout, 60000);
    const upload = config.platform.uploadFile({
      url: config.host + '/api/v2/upload?folder=avatar',
      filePath,
      name: 'file',
      // The seed uploaded anonymously; we send the token and the SDK headers like every call.
      header: buildHeaders(config, { token }),
      // Images on a slow mobile link take longer than an API call.
      timeout,
      onProgress,
    });
    res = await withDeadline(upload, timeout + DEADLINE_GRACE_MS, 'uploadFile');
  } catch (err) {
    return fail(withoutSecrets(config.lang, platformError(config.lang, err, 'request'), token));
  }
  return parseUpload(config.lang, res.statusCode, res.data);
}
