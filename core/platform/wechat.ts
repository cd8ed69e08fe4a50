// Native WeChat adapter: maps `wx.*` onto Platform.
import type { Platform } from './types';
import { buildPlatform } from './build';
import { fromChooseMedia, globalWx, PICK_IMAGE, ApiFn, BaseApiLike } from './common';

/** The part of `wx` the client uses (the real `wx` and the dev shim both fit). */
export interface WxLike extends BaseApiLike {
  chooseMedia: ApiFn;
}

/** `createWechatPlatform()` uses the global `wx`; pass another object (e.g. `tt`-like shims) to override. */
export function createWechatPlatform(api?: WxLike): Platform {
  const target = api || (globalWx() as WxLike | undefined);
  if (!target || typeof target.request !== 'function') throw new Error('createWechatPlatform: no wx object in this runtime');
  return buildPlatform({
    name: 'wx',
    api: target as unknown as Record<string, ApiFn>,
    withTask: ['request', 'uploadFile'],
    style: 'callback',
    // Images only: the seed let users pick videos as avatars (contract §6).
    chooseImage: (call) => call('chooseMedia', { ...PICK_IMAGE, mediaType: ['image'] })
      .then((res) => fromChooseMedia(res as Parameters<typeof fromChooseMedia>[0], 'chooseMedia')),
  });
}
