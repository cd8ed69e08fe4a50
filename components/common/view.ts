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
