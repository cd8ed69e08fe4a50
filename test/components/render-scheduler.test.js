// The render scheduler of the kit wrapper (components/common/view.ts), on its own: a render with
// nothing pending commits at once; renders while a request is pending wait BUSY_DELAY_MS, then at most
// one per PENDING_RENDER_INTERVAL_MS; the settled render replaces whatever waited; only changed keys go out.
const { RenderScheduler, BUSY_DELAY_MS, PENDING_RENDER_INTERVAL_MS } = require('../helpers/kit').internal('components/common/view');

function setup() {
  const sent = [];
  const model = { view: { busy: false, progress: 0, text: 'a' }, pending: false };
  const scheduler = new RenderScheduler({ setData: (patch) => sent.push(patch) }, () => ({ view: { ...model.view }, pending: model.pending }));
  return { sent, model, scheduler };
}

/** A mounted component (first render sent and forgotten) whose request just started. */
function requestStarted() {
  const t = setup();
  t.scheduler.request();
  t.sent.length = 0;
  Object.assign(t.model, { pending: true, view: { ...t.model.view, busy: true } });
  t.scheduler.request();
  return t;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('the first render always commits (the mount), even while a request is pending', () => {
  const { sent, model, scheduler } = setup();
  model.pending = true;
  scheduler.request();
  expect(sent).toEqual([{ busy: false, progress: 0, text: 'a' }]);
});

test('a quick request: nothing while pending, one setData when it settles', () => {
  const { sent, model, scheduler } = requestStarted();
  jest.advanceTimersByTime(BUSY_DELAY_MS - 1);
  expect(sent).toEqual([]);
  Object.assign(model, { pending: false, view: { ...model.view, busy: false, text: 'done' } });
  scheduler.request();
  jest.advanceTimersByTime(10 * BUSY_DELAY_MS);
  expect(sent).toEqual([{ text: 'done' }]);
});

test('a slow request: busy once after the delay, progress throttled, then the settled render', () => {
  const { sent, model, scheduler } = requestStarted();
  jest.advanceTimersByTime(BUSY_DELAY_MS);
  expect(sent).toEqual([{ busy: true }]);
  for (let p = 1; p <= 20; p++) {
    model.view = { ...model.view, progress: p * 5 };
    scheduler.request();
    jest.advanceTimersByTime(PENDING_RENDER_INTERVAL_MS / 5);
  }
  // 20 progress reports over 4 intervals: at most 4 progress renders, each carrying only `progress`
  const progress = sent.slice(1);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.length).toBeLessThanOrEqual(4);
  expect(progress.every((patch) => Object.keys(patch).join() === 'progress')).toBe(true);
  Object.assign(model, { pending: false, view: { ...model.view, busy: false, progress: 100 } });
  scheduler.request();
  expect(sent[sent.length - 1]).toEqual(expect.objectContaining({ busy: false })); // at once, not after a delay
  const count = sent.length;
  jest.advanceTimersByTime(10 * PENDING_RENDER_INTERVAL_MS);
  expect(sent.length).toBe(count); // nothing left waiting
});

test('cancel() drops a waiting render; reset() commits the next one at once', () => {
  const { sent, model, scheduler } = setup();
  scheduler.request();
  Object.assign(model, { pending: true, view: { ...model.view, busy: true } });
  scheduler.request();
  scheduler.cancel();
  jest.advanceTimersByTime(10 * BUSY_DELAY_MS);
  expect(sent).toHaveLength(1);
  scheduler.reset();
  scheduler.request();
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual({ busy: true, progress: 0, text: 'a' });
});
