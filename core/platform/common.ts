// Pieces the three adapters share: option shapes and result mapping.
import type { ChosenImage, PlatformError, PlatformUpload, PlatformUploadResponse, PlatformRequest, PlatformResponse } from './types';
import { toBytes } from './invoke';

/**
 * Any platform API function. `never` as the parameter lets the platform's own typings
 * (miniprogram-api-typings' `wx`, `@tarojs/taro`, uni's) be passed without casts; the adapters
 * call it with the option object that platform documents.
 */
export type ApiFn = (options: never) => unknown;

/** The APIs every supported platform object has (wx, Taro, uni). */
export interface BaseApiLike {
  request: ApiFn;
  uploadFile: ApiFn;
  getStorage: ApiFn;
  setStorage: ApiFn;
  removeStorage: ApiFn;
  login: ApiFn;
  getRandomValues?: ApiFn;
}

/** Shape of a request/upload success as wx, Taro and uni report it. */
export interface RawResponse {
  statusCode?: number;
  data?: unknown;
  header?: Record<string, string>;
}

/** The request options every platform's `request` understands. */
export function requestOptions(req: PlatformRequest): Record<string, unknown> {
  return {
    url: req.url,
    method: req.method,
    header: req.header,
    data: req.data,
    timeout: req.timeout,
    // Parse JSON where the platform can; a body that is not JSON comes back as text.
    dataType: 'json',
    responseType: 'text',
  };
}

export function toResponse(res: RawResponse | undefined): PlatformResponse {
  return { statusCode: Number(res && res.statusCode) || 0, data: res ? res.data : undefined, header: res && res.header };
}

export function uploadOptions(req: PlatformUpload): Record<string, unknown> {
  return { url: req.url, filePath: req.filePath, name: req.name, header: req.header, formData: req.formData, timeout: req.timeout };
}

export function toUploadResponse(res: RawResponse | undefined): PlatformUploadResponse {
  const data = res ? res.data : undefined;
  return { statusCode: Number(res && res.statusCode) || 0, data: typeof data === 'string' ? data : data === undefined ? '' : JSON.stringify(data) };
}

/** Hooks the progress listener of an upload task (wx/uni `onProgressUpdate`, Taro's promise `.progress`). */
export function watchProgress(task: unknown, onProgress?: (percent: number) => void): void {
  if (!onProgress || !task || typeof task !== 'object') return;
  const listener = (r: { progress?: number }) => {
    if (r && typeof r.progress === 'number') onProgress(r.progress);
  };
  const t = task as { onProgressUpdate?: (fn: typeof listener) => void; progress?: (fn: typeof listener) => void };
  if (typeof t.onProgressUpdate === 'function') t.onProgressUpdate(listener);
  else if (typeof t.progress === 'function') t.progress(listener);
}

/** WeChat `chooseMedia` result → the first file. */
export function fromChooseMedia(res: { tempFiles?: Array<{ tempFilePath?: string; size?: number; fileType?: string }> } | undefined, name: string): ChosenImage {
  const file = res && res.tempFiles && res.tempFiles[0];
  if (!file || typeof file.tempFilePath !== 'string') throw { errMsg: name + ':fail no file' } as PlatformError;
  return { tempFilePath: file.tempFilePath, size: Number(file.size) || 0, fileType: file.fileType };
}

/** Taro / uni `chooseImage` result: `tempFiles[].path` → `tempFilePath`. */
export function fromChooseImage(
  res: { tempFiles?: Array<{ path?: string; size?: number; type?: string }> | unknown; tempFilePaths?: string[] | string } | undefined,
  name: string,
): ChosenImage {
  const files = res && Array.isArray(res.tempFiles) ? (res.tempFiles as Array<{ path?: string; size?: number; type?: string }>) : [];
  const file = files[0];
  const paths = res && res.tempFilePaths;
  const path = file && typeof file.path === 'string' ? file.path : Array.isArray(paths) ? paths[0] : paths;
  if (typeof path !== 'string' || !path) throw { errMsg: name + ':fail no file' } as PlatformError;
  // chooseImage returns images only; `type` is a MIME type on some platforms.
  return { tempFilePath: path, size: Number(file && file.size) || 0, fileType: 'image' };
}

export const PICK_IMAGE = { count: 1, sourceType: ['album', 'camera'], sizeType: ['compressed'] };

export function randomFrom(res: { randomValues?: unknown } | undefined, length: number, name: string): Uint8Array {
  return toBytes(res && res.randomValues, length, name);
}

/** The global `wx`, if this runtime has one (Taro/uni builds for WeChat do). */
export function globalWx(): { request?: ApiFn; getRandomValues?: ApiFn } | undefined {
  return typeof wx !== 'undefined' && wx ? (wx as unknown as { request?: ApiFn; getRandomValues?: ApiFn }) : undefined;
}
