// Native WeChat adapter: maps `wx.*` onto Platform.
import type { Platform } from './types';
import { invoke, isNotFound } from './invoke';
import { fromChooseMedia, globalWx, PICK_IMAGE, randomFrom, requestOptions, toResponse, toUploadResponse, uploadOptions, watchProgress, RawResponse, ApiFn } from './common';

type Api = (options: Record<string, unknown>) => unknown;

/** The part of `wx` the client uses (the real `wx` and the dev shim both fit). */
export interface WxLike {
  request: ApiFn;
  uploadFile: ApiFn;
  getStorage: ApiFn;
  setStorage: ApiFn;
  removeStorage: ApiFn;
  login: ApiFn;
  chooseMedia: ApiFn;
  getRandomValues?: ApiFn;
}

/** `createWechatPlatform()` uses the global `wx`; pass another object (e.g. `tt`-like shims) to override. */
export function createWechatPlatform(api?: WxLike): Platform {
  const target = api || (globalWx() as WxLike | undefined);
  if (!target || typeof target.request !== 'function') throw new Error('createWechatPlatform: no wx object in this runtime');
  const wxApi = target;
  const call = <R>(name: keyof WxLike, options: Record<string, unknown>, onTask?: (task: unknown) => void) =>
    invoke<R>((o) => (wxApi[name] as Api).call(wxApi, o), options, String(name), onTask);

  return {
    name: 'wx',
    request: (req) => call<RawResponse>('request', requestOptions(req)).then(toResponse),
    uploadFile: (req) => call<RawResponse>('uploadFile', uploadOptions(req), (task) => watchProgress(task, req.onProgress)).then(toUploadResponse),
    getStorage: <T>(key: string) =>
      call<{ data?: T }>('getStorage', { key, encrypt: false }).then(
        (res) => (res ? res.data : undefined),
        (err: unknown) => {
          if (isNotFound(err)) return undefined;
          throw err;
        },
      ),
    setStorage: (key, value) => call<unknown>('setStorage', { key, data: value, encrypt: false }).then(() => undefined),
    removeStorage: (key) => call<unknown>('removeStorage', { key }).then(() => undefined),
    login: () =>
      call<{ code?: string }>('login', {}).then((res) => {
        if (!res || typeof res.code !== 'string' || !res.code) throw { errMsg: 'login:fail no code' };
        return res.code;
      }),
    // Images only: the seed let users pick videos as avatars (contract §6).
    chooseImage: () => call<Parameters<typeof fromChooseMedia>[0]>('chooseMedia', { ...PICK_IMAGE, mediaType: ['image'] }).then((res) => fromChooseMedia(res, 'chooseMedia')),
    getRandomValues: (length) => {
      if (typeof wxApi.getRandomValues !== 'function') return Promise.reject({ errMsg: 'getRandomValues:fail not supported' });
      return call<{ randomValues?: unknown }>('getRandomValues', { length }).then((res) => randomFrom(res, length, 'getRandomValues'));
    },
  };
}
