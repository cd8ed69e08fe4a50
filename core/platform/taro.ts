// Taro adapter: `createTaroPlatform(Taro)`. Taro's APIs return promises (and also accept
// callbacks); uploadFile's promise carries `.progress()`. Taro has no getRandomValues on every
// target, so the global `wx` (present in Taro's WeChat build) is used as the fallback.
import type { Platform } from './types';
import { invoke, invokePromise, isNotFound } from './invoke';
import { fromChooseImage, globalWx, PICK_IMAGE, randomFrom, requestOptions, toResponse, toUploadResponse, uploadOptions, watchProgress, RawResponse, ApiFn } from './common';

type Api = (options: Record<string, unknown>) => unknown;

/** The part of the `Taro` object the client uses. */
export interface TaroLike {
  request: ApiFn;
  uploadFile: ApiFn;
  getStorage: ApiFn;
  setStorage: ApiFn;
  removeStorage: ApiFn;
  login: ApiFn;
  chooseImage: ApiFn;
  getRandomValues?: ApiFn;
}

export function createTaroPlatform(taro: TaroLike): Platform {
  if (!taro || typeof taro.request !== 'function') throw new Error('createTaroPlatform: pass the Taro object');
  const api = taro;
  const promised = <R>(name: keyof TaroLike, options: Record<string, unknown>) => invokePromise<R>((o) => (api[name] as Api).call(api, o), options, String(name));
  return {
    name: 'taro',
    request: (req) => promised<RawResponse>('request', requestOptions(req)).then(toResponse),
    // Callbacks + the returned task: Taro's upload promise exposes `progress()`, its task `onProgressUpdate`.
    uploadFile: (req) =>
      invoke<RawResponse>((o) => (api.uploadFile as Api).call(api, o), uploadOptions(req), 'uploadFile', (task) => watchProgress(task, req.onProgress)).then(toUploadResponse),
    getStorage: <T>(key: string) =>
      promised<{ data?: T }>('getStorage', { key, encrypt: false }).then(
        (res) => (res ? res.data : undefined),
        (err: unknown) => {
          if (isNotFound(err)) return undefined;
          throw err;
        },
      ),
    setStorage: (key, value) => promised<unknown>('setStorage', { key, data: value, encrypt: false }).then(() => undefined),
    removeStorage: (key) => promised<unknown>('removeStorage', { key }).then(() => undefined),
    login: () =>
      promised<{ code?: string }>('login', {}).then((res) => {
        if (!res || typeof res.code !== 'string' || !res.code) throw { errMsg: 'login:fail no code' };
        return res.code;
      }),
    chooseImage: () => promised<Parameters<typeof fromChooseImage>[0]>('chooseImage', { ...PICK_IMAGE }).then((res) => fromChooseImage(res, 'chooseImage')),
    getRandomValues: (length) => {
      const source = typeof api.getRandomValues === 'function' ? api : globalWx();
      const fn = (source && source.getRandomValues) as Api | undefined;
      if (!source || typeof fn !== 'function') return Promise.reject({ errMsg: 'getRandomValues:fail not supported' });
      return invoke<{ randomValues?: unknown }>((o) => fn.call(source, o), { length }, 'getRandomValues').then((res) => randomFrom(res, length, 'getRandomValues'));
    },
  };
}
