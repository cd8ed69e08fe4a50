// Taro adapter: `createTaroPlatform(Taro)`. Taro's APIs return promises (and also accept
// callbacks); uploadFile is called with callbacks so its task reports progress. Taro has no
// getRandomValues on every target, so the global `wx` (present in Taro's WeChat build) is the fallback.
import type { Platform } from './types';
import { buildPlatform } from './build';
import { fromChooseImage, globalWx, PICK_IMAGE, ApiFn, BaseApiLike } from './common';

/** The part of the `Taro` object the client uses. */
export interface TaroLike extends BaseApiLike {
  chooseImage: ApiFn;
}

export function createTaroPlatform(taro: TaroLike): Platform {
  if (!taro || typeof taro.request !== 'function') throw new Error('createTaroPlatform: pass the Taro object');
  return buildPlatform({
    name: 'taro',
    api: taro as unknown as Record<string, ApiFn>,
    withTask: ['uploadFile'],
    style: 'promise',
    chooseImage: (call) => call('chooseImage', { ...PICK_IMAGE })
      .then((res) => fromChooseImage(res as Parameters<typeof fromChooseImage>[0], 'chooseImage')),
    randomFallback: globalWx,
  });
}
