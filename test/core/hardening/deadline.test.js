// withDeadline, the kit's own deadline on platform calls (requests, uploads): settles a call the platform
// never answers, passes through one it does, and never waits past what setTimeout can express.
const { withDeadline, DEADLINE_GRACE_MS, MAX_TIMER_MS } = require('../../helpers/kit').internal('core/deadline');
const { platformError } = require('../../helpers/kit').internal('core/errors');

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('a call that never settles rejects with a wx-style timeout errMsg (classified as timeout) exactly at the deadline', async () => {
  const outcome = withDeadline(new Promise(() => {}), 61000, 'uploadFile').then(() => 'resolved', (e) => e);
  jest.advanceTimersByTime(60999);
  await Promise.resolve();
  let settled = false;
  outcome.then(() => { settled = true; });
  await Promise.resolve();
  expect(settled).toBe(false);
  jest.advanceTimersByTime(1);
  const err = await outcome;
  expect(err.errMsg).toMatch(/^uploadFile:fail timeout/);
  expect(platformError('en-US', err, 'request').code).toBe('timeout');
});

test('answers and failures pass through unchanged and clear the timer', async () => {
  await expect(withDeadline(Promise.resolve(42), 1000, 'request')).resolves.toBe(42);
  const failure = { errMsg: 'request:fail url not in domain list' };
  await expect(withDeadline(Promise.reject(failure), 1000, 'request')).rejects.toBe(failure);
  expect(jest.getTimerCount()).toBe(0);
});

test('a deadline beyond what setTimeout can express is capped, not fired at once', async () => {
  expect(DEADLINE_GRACE_MS).toBe(1000);
  let settled = false;
  withDeadline(new Promise(() => {}), 2 ** 40, 'request').catch(() => { settled = true; });
  jest.advanceTimersByTime(1000);
  await Promise.resolve();
  expect(settled).toBe(false);
  jest.advanceTimersByTime(MAX_TIMER_MS);
  await Promise.resolve();
  await Promise.resolve();
  expect(settled).toBe(true);
});
