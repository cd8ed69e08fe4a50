// One way for the app and the components to share a client: the app creates it once (app.ts)
// and registers it here; components without their own app-id/host properties use it.
//
// The registry lives on the JS context's global object, not in this module: uni-app and Taro bundle
// the app's copy of the kit (vendor.js) apart from the copy the native components require, and
// both copies run in the same context, so module-level state would give each copy its own client.

import type { AuthingClient } from './types';
import type { MessageTables } from './registry';

interface SharedRegistry {
  defaultClient?: AuthingClient;
  /** The registered languages' message tables (registry.ts). */
  messages?: MessageTables;
}

const KEY = Symbol.for('authing-miniapp-kit.registry');

type Host = Record<symbol, SharedRegistry | undefined>;

/** The object every copy of the kit in this JS context can reach (WeChat has no `window`). */
function globalHost(): Host | undefined {
  if (typeof globalThis === 'object' && globalThis) return globalThis as unknown as Host;
  // Older base libraries without globalThis: `wx` is the one object every module sees.
  if (typeof wx === 'object' && wx) return wx as unknown as Host;
  return undefined;
}

const ownRegistry: SharedRegistry = {};

/** The registry shared by every copy of the kit in this JS context. */
export function sharedRegistry(): SharedRegistry {
  const host = globalHost();
  if (!host) return ownRegistry;
  const found = host[KEY];
  if (found) return found;
  try {
    // Non-enumerable: invisible to code that walks the global object.
    Object.defineProperty(host, KEY, { value: ownRegistry, configurable: true });
  } catch (err) {
    // A frozen global: this copy keeps its own registry.
  }
  return ownRegistry;
}

export function setDefaultClient(client: AuthingClient | undefined): void {
  sharedRegistry().defaultClient = client;
}

export function getDefaultClient(): AuthingClient | undefined {
  return sharedRegistry().defaultClient;
}
