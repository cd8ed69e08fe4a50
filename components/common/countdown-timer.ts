// The 1 s display timer of a resend countdown: runs only while a countdown shows; each second it either
// tells the flow a countdown ended (the send button comes back) or re-renders the seconds left.

import { instanceFields } from './runtime';

const timers = instanceFields<{ timer: ReturnType<typeof setInterval> | null }>(() => ({ timer: null }));

/** Whole seconds left of a countdown end time (ms epoch), 0 when none. */
export function secondsLeft(endsAt: number): number {
  return endsAt ? Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)) : 0;
}

/** What the timer needs of a kit component (its KitContext): the instance, a render, the flow's countdownTick. */
export interface CountdownHost {
  readonly instance: object;
  readonly flow: { countdownTick(): void };
  render(): void;
}

/**
 * Starts or stops the display timer of `ctx.instance`. `endsAt()` gives the end times shown now; when one
 * has passed the flow's countdownTick runs (the send button comes back), else a render.
 */
export function syncCountdownTimer(ctx: CountdownHost, running: boolean, endsAt: () => number[]): void {
  const f = timers(ctx.instance);
  if (running && !f.timer) {
    f.timer = setInterval(() => {
      if (endsAt().some((t) => t !== 0 && t <= Date.now())) ctx.flow.countdownTick();
      else ctx.render();
    }, 1000);
  } else if (!running) stop(ctx.instance);
}

function stop(instance: object): void {
  const f = timers(instance);
  if (f.timer) clearInterval(f.timer);
  f.timer = null;
}

/** Stops the timer and forgets the instance (detached). */
export function dropCountdownTimer(instance: object): void {
  stop(instance);
  timers.drop(instance);
}
