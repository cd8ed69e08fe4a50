// One setData per render, carrying only what changed. A component computes its whole view model from its
// flow state (a plain object of top-level keys); `ViewCommitter` compares it with what was last sent and
// calls setData once with the changed keys, or not at all. This is how the kit's components keep the
// "at most one setData per user action, none per keystroke" rule without bookkeeping in every handler.

type SetDataTarget = { setData(data: Record<string, unknown>, callback?: () => void): void };

export class ViewCommitter {
  private last: Record<string, string> = {};

  /** The keys of `view` whose value differs (deep, by JSON) from the last commit; null when none. */
  diff(view: Record<string, unknown>): Record<string, unknown> | null {
    let patch: Record<string, unknown> | null = null;
    for (const key of Object.keys(view)) {
      const value = view[key];
      const json = value === undefined ? 'undefined' : JSON.stringify(value);
      if (this.last[key] === json) continue;
      this.last[key] = json;
      (patch || (patch = {}))[key] = value === undefined ? null : value;
    }
    return patch;
  }

  /** Sends the changed keys in one setData; returns whether anything was sent. */
  commit(target: SetDataTarget, view: Record<string, unknown>): boolean {
    const patch = this.diff(view);
    if (!patch) return false;
    target.setData(patch);
    return true;
  }

  /** Forget what was sent (e.g. after the component was detached and its data may be stale). */
  reset(): void {
    this.last = {};
  }
}

/**
 * A request shorter than this never shows its busy state: the settled render is the only one. Under about
 * a second people need no progress feedback (Nielsen's response-time limits), and the pressed button
 * already answers the tap; 400 ms covers a password check on a loaded server.
 */
export const BUSY_DELAY_MS = 400;
/** While a request runs, renders (busy, upload progress) are at most this frequent. */
export const PENDING_RENDER_INTERVAL_MS = 250;

/**
 * When to commit. A render while nothing is pending commits at once (one setData for the action). A
 * render while a request is pending waits: the busy state is shown only if the request is still running
 * after BUSY_DELAY_MS, later pending renders (progress) at most every PENDING_RENDER_INTERVAL_MS, and the
 * settled render replaces whatever was still waiting. So a quick request costs one setData.
 */
export class RenderScheduler {
  private readonly committer = new ViewCommitter();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pendingShown = false;
  private committedOnce = false;

  constructor(
    private readonly target: SetDataTarget,
    /** The whole view model now, and whether a request is pending. */
    private readonly compute: () => { view: Record<string, unknown>; pending: boolean },
  ) {}

  request(): void {
    const { view, pending } = this.compute();
    if (pending && this.committedOnce) {
      if (!this.timer) this.timer = setTimeout(() => this.fire(), this.pendingShown ? PENDING_RENDER_INTERVAL_MS : BUSY_DELAY_MS);
      return;
    }
    this.cancel();
    this.pendingShown = pending;
    this.committedOnce = true;
    this.committer.commit(this.target, view);
  }

  /** Drops a waiting render (detached). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Forget what was sent and wait for nothing (a fresh attach). */
  reset(): void {
    this.cancel();
    this.committer.reset();
    this.pendingShown = false;
    this.committedOnce = false;
  }

  private fire(): void {
    this.timer = null;
    const { view, pending } = this.compute();
    this.pendingShown = pending;
    this.committer.commit(this.target, view);
  }
}
