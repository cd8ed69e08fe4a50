// The one place that turns a platform object (wx, Taro, uni) into a Platform. The adapters only
// say how their APIs are called (callbacks with a task, or promises) and which picker and random
// source they have; storage, login, request/upload mapping and result checks are shared here.
import type { ChosenImage, Platform } from './types';
import { invoke, invokePromise, isNotFound } from './invoke';
import { ApiFn, randomFrom, requestOptions, RawResponse, toResponse, toUploadResponse, uploadOptions, watchProgress } from './common';

type Api = (options: Record<string, unknown>) => unknown;
type Options = Record<string, unknown>;

export interface AdapterSpec {
  name: string;
  api: Record<string, ApiFn | undefined>;
  /** Calls that accept callbacks and return a task (progress, abort). */
  withTask: ReadonlyArray<'request' | 'uploadFile'>;
  /** Everything else: callbacks (wx) or the platform's promise form (Taro, uni). */
  style: 'callback' | 'promise';
  /** Extra `login` options (uni needs `provider: 'weixin'`). */
  loginOptions?: Options;
  /** Picks one image with the platform's picker. */
  chooseImage: (call: (name: string, options: Options) => Promise<unknown>) => Promise<ChosenImage>;
  /** Where random bytes come from when `api` has no getRandomValues (Taro/uni fall back to the global wx). */
  randomFallback?: () => { getRandomValues?: ApiFn } | undefined;
}

export function buildPlatform(spec: AdapterSpec): Platform {
  const { api } = spec;
  // A missing API fails when called (inside invoke's try), so the Platform method rejects, never throws.
  const fn = (name: string): Api => (o) => {
    const f = api[name];
    if (typeof f !== 'function') throw { errMsg: `${name}:fail not supported` };
    return (f as unknown as Api).call(api, o);
  };
  const taskCall = <R>(name: 'request' | 'uploadFile', options: Options, onTask?: (task: unknown) => void) =>
    spec.withTask.indexOf(name) >= 0 ? invoke<R>(fn(name), options, name, onTask) : invokePromise<R>(fn(name), options, name);
  const call = <R>(name: string, options: Options): Promise<R> =>
    spec.style === 'callback' ? invoke<R>(fn(name), options, name) : invokePromise<R>(fn(name), options, name);

  return {
    name: spec.name,
    request: (req) => taskCall<RawResponse>('request', requestOptions(req)).then(toResponse),
    uploadFile: (req) => taskCall<RawResponse>('uploadFile', uploadOptions(req), (task) => watchProgress(task, req.onProgress)).then(toUploadResponse),
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
      call<{ code?: string }>('login', { ...spec.loginOptions }).then((res) => {
        if (!res || typeof res.code !== 'string' || !res.code) throw { errMsg: 'login:fail no code' };
        return res.code;
      }),
    chooseImage: () => spec.chooseImage(call),
    getRandomValues: (length) => {
      const source = typeof api.getRandomValues === 'function' ? api : spec.randomFallback && spec.randomFallback();
      const random = source && source.getRandomValues;
      if (!source || typeof random !== 'function') return Promise.reject({ errMsg: 'getRandomValues:fail not supported' });
      return invoke<{ randomValues?: unknown }>((o) => (random as unknown as Api).call(source, o), { length }, 'getRandomValues')
        .then((res) => randomFrom(res, length, 'getRandomValues'));
    },
  };
}
