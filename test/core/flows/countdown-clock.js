// A fake clock for the flows' resend countdowns, so a test can make one end without waiting.
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');

/** `now` (the flow's clock), a memory `store` reading it, and `advance(ms)` to move it. */
function countdownClock(start = Date.now()) {
  let time = start;
  const now = () => time;
  return { now, store: new CountdownStore({ storage: null, now }), advance: (ms) => { time += ms; } };
}

/**
 * A flow's countdown of `seconds`, started at the clock's now, ends on the tick that sees it end: ticks
 * before (and `whileRunning`, e.g. a tap) render nothing, that tick renders once and clears it, a tick
 * after it renders nothing.
 */
async function expectCountdownEnds({ flow, rec, clock, seconds, whileRunning }) {
  expect(flow.state.countdownEndsAt).toBe(clock.now() + seconds * 1000);
  const changes = rec.changes;
  if (whileRunning) await whileRunning();
  flow.countdownTick();
  expect(rec.changes).toBe(changes);
  clock.advance(seconds * 1000 + 1000);
  flow.countdownTick();
  expect(flow.state.countdownEndsAt).toBe(0);
  expect(rec.changes).toBe(changes + 1);
  flow.countdownTick();
  expect(rec.changes).toBe(changes + 1);
}

module.exports = { countdownClock, expectCountdownEnds };
