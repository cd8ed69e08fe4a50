// The 1 s display timer of a resend countdown, one per component instance, running only while a countdown
// shows (timer-driven renders, not user actions). Kept outside `data` (components/common/runtime.ts).
import { instanceFields } from './runtime';

export interface TickTimer {
  /** Starts (`running`) or stops the timer of `instance`; `tick` runs every second while it runs. */
  sync(instance: object, running: boolean, tick: () => void): void;
  /** Stops it for good (detached). */
  drop(instance: object): void;
}

export function tickTimer(): TickTimer {
  const timers = instanceFields<{ timer: ReturnType<typeof setInterval> | null }>(() => ({ timer: null }));
  const sync = (instance: object, running: boolean, tick: () => void): void => {
    const f = timers(instance);
    if (running && !f.timer) f.timer = setInterval(tick, 1000);
    else if (!running && f.timer) {
      clearInterval(f.timer);
      f.timer = null;
    }
  };
  return {
    sync,
    drop(instance) {
      sync(instance, false, () => undefined);
      timers.drop(instance);
    },
  };
}
