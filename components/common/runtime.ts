// Per-instance fields that must NOT live in `data` (typed values, timers, flow objects): kept in a WeakMap
// keyed by the component instance, so they are typed without spelling out every Component() generic and
// never trigger a render. Generic: any kit component can use it.
//
//   const fields = instanceFields(() => ({ timer: 0 }));
//   fields(this).timer = ...;         // created on first use
//   fields.drop(this);                // in detached

export interface InstanceFields<T> {
  (instance: object): T;
  /** Whether fields exist for this instance (i.e. it was used and not dropped). */
  has(instance: object): boolean;
  drop(instance: object): void;
}

export function instanceFields<T>(init: () => T): InstanceFields<T> {
  const map = new WeakMap<object, T>();
  const get = ((instance: object): T => {
    let value = map.get(instance);
    if (!value) {
      value = init();
      map.set(instance, value);
    }
    return value;
  }) as InstanceFields<T>;
  get.has = (instance) => map.has(instance);
  get.drop = (instance) => { map.delete(instance); };
  return get;
}
