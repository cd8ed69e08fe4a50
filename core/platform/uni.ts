// uni-app adapter: `createUniPlatform(uni)`. Promise-style uni calls resolve to `[err, res]`
// under Vue 2 and resolve/reject under Vue 3; both are unpacked (see invoke.ts). request and
// uploadFile use callbacks so the returned task (progress) is available. uni has no
// getRandomValues, so the global `wx` (present in uni's mp-weixin build) provides the bytes.
import type { Platform } from './types';
import { invoke, invokePromise, isNotFound } from './invoke';
import { fromChooseImage, globalWx, PICK_IMAGE, randomFrom, requestOptions, toResponse, toUploadResponse, uploadOptions, watchProgress, RawResponse, ApiFn } from './common';

type Api = (options: Record<string, unknown>) => unknown;

/** The part of the `uni` object the client uses. */
export interface UniLike {
  request: ApiFn;
  uploadFile: ApiFn;
  getStorage: ApiFn;
  setStorage: ApiFn;
  removeStorage: ApiFn;
  login: ApiFn;
  chooseImage: ApiFn;
  getRandomValues?: ApiFn;
}

export function createUniPlatform(uni: UniLike): Platform {
  if (!uni || typeof uni.request !== 'function') throw new Error('createUniPlatform: pass the uni object');
  const api = uni;
  const promised = <R>(name: keyof UniLike, options: Record<string, unknown>) => invokePromise<R>((o) => (api[name] as Api).call(api, o), options, String(name));
  const callback = <R>(name: keyof UniLike, options: Record<string, unknown>, onTask?: (task: unknown) => void) =>
    invoke<R>((o) => (api[name] as Api).call(api, o), options, String(name), onTask);
  return {
    name: 'uni',
    request: (req) => callback<RawResponse>('request', requestOptions(req)).then(toResponse),
    uploadFile: (req) => callback<RawResponse>('uploadFile', uploadOptions(req), (task) => watchProgress(task, req.onProgress)).then(toUploadResponse),
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
      promised<{ code?: string }>('login', { provider: 'weixin' }).then((res) => {
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
