// Refresh and logout coordinated across every Authing object that shares one stored login state (one
// storage key) in this copy of the kit: one refresh at a time, and a logout that no refresh answer
// arriving later can undo. Copies of the kit that do not share this module re-read storage instead.

export interface SessionSync {
  /** Bumped by every successful logout: a refresh begun under an older generation must not store its answer. */
  generation: number;
  /** The logout in flight, if any. */
  logout?: Promise<unknown>;
  /** The refresh request in flight, if any. */
  refresh?: Promise<unknown>;
}

const syncs = new Map<string, SessionSync>();

export function sessionSync(storageKey: string): SessionSync {
  let sync = syncs.get(storageKey);
  if (!sync) {
    sync = { generation: 0 };
    syncs.set(storageKey, sync);
  }
  return sync;
}

/** Waits until `promise` (if any) has settled, whichever way. */
export async function settled(promise: Promise<unknown> | undefined): Promise<void> {
  if (promise) await promise.then(noop, noop);
}

function noop(): void {
  // settled either way
}

/** Runs `task` as the `slot` job of `sync`, clearing the slot when it ends (unless a newer job took it). */
export async function tracked<T>(sync: SessionSync, slot: 'logout' | 'refresh', task: Promise<T>): Promise<T> {
  sync[slot] = task;
  try {
    return await task;
  } finally {
    if (sync[slot] === task) sync[slot] = undefined;
  }
}
