// The resend countdowns as forms show them: whole seconds left, and the 1 s display timer that runs only
// while a countdown is shown (timer-driven renders, not user actions). Shared by the login and sign-up forms.
import { instanceFields } from './runtime';

const timers = instanceFields<{ timer: ReturnType<typeof setInterval> | null }>(() => ({ timer: null }));

/** Whole seconds left of a countdown end time (ms epoch), 0 when none. */
export function secondsLeft(endsAt: number): number {
  return endsAt ? Math.max(0, Math.ceil((endsAt - Date.now()) / 1000)) : 0;
}

/** Starts (`running`) or stops the instance's display timer; `tick` runs every second while it runs. */
export function syncCountdownTimer(instance: object, running: boolean, tick: () => void): void {
  const f = timers(instance);
  if (running && !f.timer) {
    f.timer = setInterval(tick, 1000);
  } else if (!running && f.timer) {
    clearInterval(f.timer);
    f.timer = null;
  }
}

/** The instance went away: no timer left behind. */
export function dropCountdownTimer(instance: object): void {
  syncCountdownTimer(instance, false, () => undefined);
  timers.drop(instance);
}

/** A tick: the flow's `countdownTick` once a shown countdown has ended (its button comes back), else a plain render. */
export function countdownTick(endsAt: number[], ended: () => void, render: () => void): void {
  if (endsAt.some((e) => e !== 0 && e <= Date.now())) ended();
  else render();
}
