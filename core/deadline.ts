// The kit's own deadline on a platform call: a wx.request (or uploadFile, wx.login) that never calls
// back must still settle, so no public method can stay pending forever.

/** How long after the platform's own timeout the kit gives up: the platform's answer normally wins. */
export const DEADLINE_GRACE_MS = 1000;

/** Largest delay setTimeout honours; anything above fires at once (2^31 − 1 ms). */
export const MAX_TIMER_MS = 2147483647;

/**
 * `promise`, or a rejection `{errMsg: '<name>:fail timeout'}` (what wx reports for its own timeout,
 * so the usual classification gives `code: 'timeout'`) when it has not settled `ms` from now.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  // WeChat has timers; a host without them keeps only the platform's own timeout.
  if (typeof setTimeout !== 'function') return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject({ errMsg: `${name}:fail timeout (no answer from the platform)` }), Math.min(ms, MAX_TIMER_MS));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
