// uni-app adapter: `createUniPlatform(uni)`. Promise-style uni calls resolve to `[err, res]`
// under Vue 2 and resolve/reject under Vue 3; both are unpacked (see invoke.ts). request and
// uploadFile use callbacks so the returned task (progress) is available. uni has no
// getRandomValues, so the global `wx` (present in uni's mp-weixin build) provides the bytes.
import type { Platform } from './types';
import { buildPlatform } from './build';
import { fromChooseImage, globalWx, PICK_IMAGE, ApiFn, BaseApiLike } from './common';

/** The part of the `uni` object the client uses. */
export interface UniLike extends BaseApiLike {
  chooseImage: ApiFn;
}

export function createUniPlatform(uni: UniLike): Platform {
  if (!uni || typeof uni.request !== 'function') throw new Error('createUniPlatform: pass the uni object');
  return buildPlatform({
    name: 'uni',
    api: uni as unknown as Record<string, ApiFn>,
    withTask: ['request', 'uploadFile'],
    style: 'promise',
    loginOptions: { provider: 'weixin' },
    chooseImage: (call) => call('chooseImage', { ...PICK_IMAGE })
      .then((res) => fromChooseImage(res as Parameters<typeof fromChooseImage>[0], 'chooseImage')),
    randomFallback: globalWx,
  });
}
