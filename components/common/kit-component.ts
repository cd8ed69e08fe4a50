// The one wrapper every <authing-*> component goes through (in the spirit of vant's VantComponent, on the
// native Component() API): properties from the component's spec (common ones included), texts and
// language, the client, the flow's lifetime, and the render scheduler — every handler runs in a batch, so
// whatever the flow changes synchronously reaches the view in at most ONE setData, and renders while a
// request is pending wait (components/common/view.ts). A component supplies only its flow, its view model
// and its handlers.

import { clientOrError } from './client';
import type { ClientProps } from './client';
import { nativeProperties } from './spec';
import type { ComponentSpec, PropKind } from './spec';
import { format, mergeTexts, pickLang } from './texts';
import type { TextTable } from './texts';
import { RenderScheduler } from './view';
import { dropCountdownTimer } from './countdown-timer';
import type { AuthingClient, Lang } from '../../core/types';
import type { Result } from '../../core/errors';

type KindType<K extends PropKind> =
  K extends 'string' ? string : K extends 'number' ? number : K extends 'boolean' ? boolean
    : K extends 'object' ? Record<string, string> : unknown;

/** The component's properties as typed by its spec (plus the common client / lang / texts ones). */
export type PropsOf<S extends ComponentSpec> = ClientProps & { texts: Record<string, string> } & {
  [K in keyof S['properties']]: KindType<S['properties'][K]['kind']>;
};

type Instance = WechatMiniprogram.Component.TrivialInstance;

export interface KitContext<S extends ComponentSpec, F> {
  readonly instance: Instance;
  /** Created on attach, before the first render. */
  readonly flow: F;
  readonly props: PropsOf<S>;
  lang(): Lang;
  /** Built-in texts of `lang` with the host's `texts` on top. */
  texts(): TextTable;
  /** One text with `{placeholders}` filled; `params.field` is worded with `field_<name>` / `label_<name>`. */
  text(key: string, params?: Record<string, string | number>): string;
  /** The component's client, or the readable error to show (`notConfigured` text). */
  client(): Result<AuthingClient>;
  /** The flow changed: re-render (batched within a handler; waits while a request is pending). */
  render(): void;
  emit(name: string, detail: object): void;
  /** False for the second delivery of one native event (t-button is a virtual host: it can bubble twice). */
  fresh(detail: unknown): boolean;
}

type Handler<S extends ComponentSpec, F> = (ctx: KitContext<S, F>, arg: WechatMiniprogram.CustomEvent & Record<string, unknown>) => unknown;

export interface KitDefinition<S extends ComponentSpec, F> {
  spec: S;
  texts: Record<Lang, TextTable>;
  /** The flow of an attached instance; its host callbacks use `ctx`. */
  create(ctx: KitContext<S, F>): F;
  /** The whole view model (texts included); only what changed is sent. */
  view(ctx: KitContext<S, F>, t: TextTable): Record<string, unknown>;
  /** A request is in flight: renders wait (see RenderScheduler). */
  pending(flow: F): boolean;
  /** Property observers ('a, b' → fn); `lang, texts` re-render by themselves. */
  observers?: Record<string, (ctx: KitContext<S, F>) => void>;
  /** After create(), in the same batch as the first render. */
  attached?(ctx: KitContext<S, F>): void;
  detached?(ctx: KitContext<S, F>): void;
  /** The page holding the component shows (first show, navigateBack, switchTab). */
  pageShow?(ctx: KitContext<S, F>): void;
  /** wxml event handlers and public methods (their argument is the event, or the caller's value). */
  handlers: Record<string, Handler<S, F>>;
}

interface Runtime<S extends ComponentSpec, F> {
  ctx: KitContext<S, F>;
  scheduler: RenderScheduler;
  depth: number;
  dirty: boolean;
  /** False once detached: a late answer of the flow no longer renders. */
  alive: boolean;
  lastDetail: unknown;
}

/** `kitComponent<typeof SPEC, MyFlow>({...})`: registers the component (the flow type is spelled out). */
export function kitComponent<S extends ComponentSpec, F>(def: KitDefinition<S, F>): string {
  const runtimes = new WeakMap<Instance, Runtime<S, F>>();

  /** Runs `body` as one action: renders it asks for are sent once, after it. */
  function batch<T>(rt: Runtime<S, F>, body: () => T): T {
    rt.depth++;
    try {
      return body();
    } finally {
      rt.depth--;
      if (rt.depth === 0 && rt.dirty) {
        rt.dirty = false;
        rt.scheduler.request();
      }
    }
  }

  function runtimeOf(instance: Instance): Runtime<S, F> {
    let flow: F | undefined;
    const props = () => instance.properties as unknown as PropsOf<S>;
    const texts = () => mergeTexts(def.texts, props().lang, props().texts);
    const ctx: KitContext<S, F> = {
      instance,
      get flow() { return flow as F; },
      get props() { return props(); },
      lang: () => pickLang(props().lang),
      texts,
      text(key, params) {
        const t = texts();
        const p: Record<string, string | number> = { ...(params || {}) };
        const f = p.field;
        if (typeof f === 'string') p.field = t['field_' + f] || t['label_' + f] || f;
        return format(t[key] === undefined ? key : t[key], p);
      },
      client: () => clientOrError(props(), texts().notConfigured),
      render() {
        if (!rt.alive) return;
        if (rt.depth > 0) rt.dirty = true;
        else rt.scheduler.request();
      },
      emit: (name, detail) => instance.triggerEvent(name, detail),
      fresh(detail) {
        if (detail !== undefined && detail === rt.lastDetail) return false;
        rt.lastDetail = detail;
        return true;
      },
    };
    const rt: Runtime<S, F> = {
      ctx,
      scheduler: new RenderScheduler(instance, () => ({ view: def.view(ctx, texts()), pending: def.pending(ctx.flow) })),
      depth: 0,
      dirty: false,
      alive: true,
      lastDetail: undefined,
    };
    batch(rt, () => { flow = def.create(ctx); });
    return rt;
  }

  const observers: Record<string, (this: Instance) => void> = {
    'lang, texts'(this: Instance) {
      const rt = runtimes.get(this);
      if (rt) rt.ctx.render();
    },
  };
  for (const [names, fn] of Object.entries(def.observers || {})) {
    observers[names] = function (this: Instance) {
      const rt = runtimes.get(this);
      if (rt) batch(rt, () => fn(rt.ctx));
    };
  }

  const methods: Record<string, (this: Instance, arg: WechatMiniprogram.CustomEvent & Record<string, unknown>) => unknown> = {};
  for (const [name, handler] of Object.entries(def.handlers)) {
    methods[name] = function (this: Instance, arg) {
      const rt = runtimes.get(this);
      return rt ? batch(rt, () => handler(rt.ctx, arg)) : undefined;
    };
  }

  return Component({
    options: { multipleSlots: true, styleIsolation: 'apply-shared' },
    externalClasses: Object.keys(def.spec.externalClasses),
    properties: nativeProperties(def.spec),
    data: {},
    observers,
    lifetimes: {
      attached(this: Instance) {
        const rt = runtimeOf(this);
        runtimes.set(this, rt);
        batch(rt, () => {
          if (def.attached) def.attached(rt.ctx);
          rt.dirty = true; // the first render, whatever the flow did
        });
      },
      detached(this: Instance) {
        const rt = runtimes.get(this);
        if (!rt) return;
        rt.alive = false;
        rt.scheduler.cancel();
        runtimes.delete(this);
        if (def.detached) def.detached(rt.ctx);
        // A resend countdown's display timer (countdown-timer.ts) never outlives its component.
        dropCountdownTimer(rt.ctx.instance);
      },
    },
    pageLifetimes: {
      show(this: Instance) {
        const rt = runtimes.get(this);
        if (rt && def.pageShow) batch(rt, () => (def.pageShow as (ctx: KitContext<S, F>) => void)(rt.ctx));
      },
    },
    methods,
  } as unknown as WechatMiniprogram.Component.Options<
    WechatMiniprogram.Component.DataOption, WechatMiniprogram.Component.PropertyOption,
    WechatMiniprogram.Component.MethodOption, WechatMiniprogram.Component.BehaviorOption
  >) as unknown as string;
}
