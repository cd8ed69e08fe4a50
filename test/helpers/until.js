// Waiting for an outcome without asserting on time: poll until it is there, give up after ~5 s.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `fn()` once it is truthy; throws, naming `what` (a string, or a function giving one), if it never is. */
async function until(fn, what = 'condition') {
  for (let i = 0; i < 1000; i++) {
    const value = fn();
    if (value) return value;
    await sleep(5);
  }
  throw new Error(`gave up waiting for ${typeof what === 'function' ? what() : what}`);
}

/** The first of `events` ({name, detail}, as recorded by mount) named one of `names`, once there is one. */
function untilEvent(events, ...names) {
  return until(() => events.find((e) => names.includes(e.name)), () => `a ${names.join('/')} event; got ${JSON.stringify(events)}`);
}

module.exports = { until, untilEvent };
