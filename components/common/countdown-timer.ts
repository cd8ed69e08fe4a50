// The 1 s display timer of a resend countdown: runs only while a countdown shows; each second it either
// tells the flow a countdown ended (the send button comes back) or re-renders the seconds left.

import { instanceFields } from './runtime';

const timers = instanceFields<{ timer: ReturnType<typeof setInterval> | null }>(() => ({ timer: null }));

/** Whole seconds left of a countdown end time (ms epoch), 0 when none. */
export function secondsLeft(endsAt: number): number {
  return endsAt ? Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)) : 0;
}

/**
 * Starts or stops the display timer of `instance`. `endsAt()` gives the end times shown now; when one
 * has passed `ended()` runs (the flow's countdownTick), else `render()`.
 */
export function syncCountdownTimer(instance: object, running: boolean, endsAt: () => number[], ended: () => void, render: () => void): void {
  const f = timers(instance);
  if (running && !f.timer) {
    f.timer = setInterval(() => {
      if (endsAt().some((t) => t !== 0 && t <= Date.now())) ended();
      else render();
    }, 1000);
  } else if (!running && f.timer) {
    clearInterval(f.timer);
    f.timer = null;
  }
}

/** Stops the timer and forgets the instance (detached). */
export function dropCountdownTimer(instance: object): void {
  syncCountdownTimer(instance, false, () => [], () => undefined, () => undefined);
  timers.drop(instance);
}
