// The ONE wx.onNeedPrivacyAuthorization listener of the app (WeChat keeps a single listener: a second
// registration replaces the first), shared by every <authing-privacy-popup> — the ones the kit's components
// embed and any the host places. Each popup registers itself while attached and raises itself when its page
// shows; WeChat's request goes to the popup raised last, i.e. the one of the page on screen. Raising also
// re-registers the (same) routing listener, so a page of the host that registered its own listener cannot
// leave a kit page without one. Module state: one instance in the core bundle (scripts/build/entries.js
// `singletons`).

import type { PrivacyResolve } from './privacy-flow';

/** The part of `wx` the privacy popup uses (all optional: base library < 2.32.3 has none of them). */
export interface PrivacyApi {
  onNeedPrivacyAuthorization?(listener: (resolve: PrivacyResolve, eventInfo?: { referrer?: string }) => void): void;
  getPrivacySetting?(options: {
    success?(res: { needAuthorization?: boolean; privacyContractName?: string }): void;
    fail?(err: unknown): void;
  }): void;
  openPrivacyContract?(options: { fail?(err: unknown): void }): void;
}

/** A popup as the registry sees it. */
export interface PrivacyTarget {
  request(resolve: PrivacyResolve, referrer: string): void;
}

const targets: PrivacyTarget[] = [];

function route(resolve: PrivacyResolve, referrer: string): void {
  const top = targets[targets.length - 1];
  // No popup anywhere (the page has no kit component and no <authing-privacy-popup>): an API must not
  // stay pending for ever, so it fails like a declined one.
  if (top) top.request(resolve, referrer);
  else resolve({ event: 'disagree' });
}

/** The one listener: every request goes through route(). */
function listener(resolve: PrivacyResolve, info?: { referrer?: string }): void {
  route(resolve, (info && typeof info.referrer === 'string') ? info.referrer : '');
}

/**
 * A popup attached, or its page shows again (navigateBack, switchTab): it answers the next request, and
 * the routing listener is (re-)registered with `api` (base library < 2.32.3 has no such API: nothing to do).
 */
export function raisePrivacyTarget(api: PrivacyApi, target: PrivacyTarget): void {
  const at = targets.indexOf(target);
  if (at >= 0) targets.splice(at, 1);
  targets.push(target);
  if (typeof api.onNeedPrivacyAuthorization === 'function') api.onNeedPrivacyAuthorization(listener);
}

/** A popup detached; requests it still held go to the current target (or fail like a decline). */
export function removePrivacyTarget(target: PrivacyTarget, waiting: PrivacyResolve[] = []): void {
  const at = targets.indexOf(target);
  if (at >= 0) targets.splice(at, 1);
  for (const resolve of waiting) route(resolve, '');
}

/** The name of the privacy guidelines the developer set on mp.weixin.qq.com ('' when WeChat has none). */
export function privacyContractName(api: PrivacyApi, done: (name: string) => void): void {
  if (typeof api.getPrivacySetting !== 'function') {
    done('');
    return;
  }
  api.getPrivacySetting({
    success: (res) => done(res && typeof res.privacyContractName === 'string' ? res.privacyContractName : ''),
    fail: () => done(''),
  });
}
