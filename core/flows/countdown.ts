// Resend countdowns for verification codes, keyed by target + channel (e.g. `CHANNEL_LOGIN:+8613800000000`).
// Each entry is an ABSOLUTE end time (ms epoch), kept in module memory and mirrored into storage, so a
// countdown survives a tab switch, a component detach / re-attach and a page leave / re-enter (and even an
// app restart while it still runs). Plain TS: storage and clock are injected, nothing here touches `wx`
// unless the default storage is used.

/** Synchronous key/value storage (wx.getStorageSync-shaped). Failures must not throw to callers. */
export interface CountdownStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface CountdownEntry {
  key: string;
  /** ms epoch when the countdown ends */
  endsAt: number;
  /** ms epoch when it started (used to pick the latest one) */
  startedAt: number;
}

export interface CountdownStoreOptions {
  /** Default: wx sync storage when `wx` exists, else memory only. `null` = memory only. */
  storage?: CountdownStorage | null;
  /** Default `Date.now`. */
  now?: () => number;
  /** Storage key holding all entries. Default `authing:countdowns`. */
  storageKey?: string;
}

/** `wx.getStorageSync` / `setStorageSync` wrapped so a storage failure degrades to memory only. */
export function wxCountdownStorage(): CountdownStorage | null {
  const w = (typeof wx !== 'undefined' ? wx : undefined) as WechatMiniprogram.Wx | undefined;
  if (!w || typeof w.getStorageSync !== 'function' || typeof w.setStorageSync !== 'function') return null;
  return {
    get(key) {
      try { return w.getStorageSync(key); } catch (e) { return undefined; }
    },
    set(key, value) {
      try { w.setStorageSync(key, value); } catch (e) { /* memory copy still works */ }
    },
  };
}

/** The key of one countdown: `<channel>:<countryCode>:<target>` (whitespace removed; countryCode may be ''). */
export function countdownKey(channel: string, countryCode: string, target: string): string {
  return `${channel}:${countryCode}:${String(target).replace(/\s+/g, '')}`;
}

/** Inverse of countdownKey. */
export function parseCountdownKey(key: string): { channel: string; countryCode: string; target: string } | null {
  const m = /^([^:]*):([^:]*):(.*)$/.exec(key);
  return m ? { channel: m[1], countryCode: m[2], target: m[3] } : null;
}

/** No resend countdown runs longer than this, whatever a caller or the stored data asks (1 hour). */
export const MAX_COUNTDOWN_SECONDS = 3600;

export class CountdownStore {
  private readonly entries: Record<string, CountdownEntry> = {};
  private readonly storage: CountdownStorage | null;
  private readonly now: () => number;
  private readonly storageKey: string;
  private loaded = false;

  constructor(options: CountdownStoreOptions = {}) {
    this.storage = options.storage === undefined ? wxCountdownStorage() : options.storage;
    this.now = options.now || Date.now;
    this.storageKey = options.storageKey || 'authing:countdowns';
  }

  /** Starts (or restarts) `key` for `seconds`; returns the end time. */
  start(key: string, seconds: number): number {
    this.load();
    const now = this.now();
    const length = seconds > 0 ? Math.min(seconds, MAX_COUNTDOWN_SECONDS) : 0;
    const endsAt = now + Math.round(length * 1000);
    this.entries[key] = { key, endsAt, startedAt: now };
    this.save();
    return endsAt;
  }

  /**
   * Milliseconds left for `key`, 0 when none runs; never more than `maxSeconds` (the configured
   * countdown) nor the entry's own length, whatever the stored end time or a clock moved back.
   */
  remaining(key: string, maxSeconds = MAX_COUNTDOWN_SECONDS): number {
    this.load();
    const entry = this.entries[key];
    return entry ? Math.max(0, this.bounded(entry, maxSeconds).endsAt - this.now()) : 0;
  }

  /** Whole seconds left (rounded up), 0 when none runs. */
  remainingSeconds(key: string, maxSeconds = MAX_COUNTDOWN_SECONDS): number {
    return Math.ceil(this.remaining(key, maxSeconds) / 1000);
  }

  /**
   * An entry that would run longer than allowed from now (its end time from a clock that has since
   * moved back, or a corrupt stored entry) restarts now with the allowed length, so it counts down
   * normally from there instead of freezing at the cap until the clock catches up.
   */
  private bounded(entry: CountdownEntry, maxSeconds: number): CountdownEntry {
    const now = this.now();
    const allowed = Math.min(entry.endsAt - entry.startedAt, Math.max(0, maxSeconds) * 1000, MAX_COUNTDOWN_SECONDS * 1000);
    if (entry.endsAt - now <= allowed) return entry;
    const fixed = { key: entry.key, endsAt: now + Math.max(0, allowed), startedAt: now };
    this.entries[entry.key] = fixed;
    this.save();
    return fixed;
  }

  clear(key: string): void {
    this.load();
    if (this.entries[key]) {
      delete this.entries[key];
      this.save();
    }
  }

  /** The most recently started countdown still running whose key starts with `prefix` (bounded as in remaining). */
  latest(prefix = '', maxSeconds = MAX_COUNTDOWN_SECONDS): CountdownEntry | null {
    this.load();
    const now = this.now();
    let best: CountdownEntry | null = null;
    for (const k of Object.keys(this.entries)) {
      if (k.indexOf(prefix) !== 0) continue;
      const e = this.bounded(this.entries[k], maxSeconds);
      if (e.endsAt <= now) continue;
      if (!best || e.startedAt > best.startedAt) best = e;
    }
    return best ? { ...best } : null;
  }

  /** Merges entries from storage once (memory wins for keys both know). */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.storage) return;
    const stored = this.storage.get(this.storageKey);
    if (!stored || typeof stored !== 'object') return;
    for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
      const e = v as Partial<CountdownEntry> | null;
      if (this.entries[k] || !e || typeof e.endsAt !== 'number' || typeof e.startedAt !== 'number' || !isFinite(e.endsAt) || !isFinite(e.startedAt)) continue;
      this.entries[k] = { key: k, endsAt: e.endsAt, startedAt: e.startedAt };
    }
  }

  /** Drops finished entries, then writes the rest. */
  private save(): void {
    const now = this.now();
    const out: Record<string, { endsAt: number; startedAt: number }> = {};
    for (const k of Object.keys(this.entries)) {
      const e = this.entries[k];
      if (e.endsAt <= now) delete this.entries[k];
      else out[k] = { endsAt: e.endsAt, startedAt: e.startedAt };
    }
    if (this.storage) this.storage.set(this.storageKey, out);
  }
}

let shared: CountdownStore | undefined;

/** The app-wide store the components use (module memory + wx storage). */
export function sharedCountdowns(): CountdownStore {
  if (!shared) shared = new CountdownStore();
  return shared;
}
