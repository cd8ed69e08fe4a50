// The API spec format of a kit component: one object per component (components/<name>/spec.ts) from which
// the component's `properties` (at run time, via kit-component.ts), its public types (`api.ts`) and the API
// tables of its README are generated (`npm run docs`; test/components/api-docs.test.js fails when they drift).

/** `any`: a property that takes more than one type (e.g. `true` or `'full'`); WeChat passes it through as given. */
export type PropKind = 'string' | 'number' | 'boolean' | 'object' | 'list' | 'any';

export interface PropSpec {
  kind: PropKind;
  default: string | number | boolean | Record<string, string> | string[];
  /** TypeScript type of the property in `api.ts` / the README (else derived from `kind`). */
  ts?: string;
  doc: string;
}

export interface EventSpec {
  /** Name of the detail type, exported by components/common/event-types.ts. */
  detail: string;
  /** The detail's shape as shown in the README. */
  shape: string;
  doc: string;
}

export interface ComponentSpec {
  /** Folder name: login, phone-button, … (the tag is `authing-<name>`). */
  name: string;
  /** PascalCase prefix of the generated types (`Login` → `LoginProperties`, `LoginEvents`). */
  typeName: string;
  /** Component properties, camelCase (attributes are their kebab-case). Common ones are added. */
  properties: Record<string, PropSpec>;
  events: Record<string, EventSpec>;
  /** Public methods reached with selectComponent(). */
  methods: Record<string, string>;
  slots: Record<string, string>;
  externalClasses: Record<string, string>;
  /** Component-level CSS variables: name → [default, description]. */
  cssVars: Record<string, [string, string]>;
}

/** Properties every kit component takes: its own client config (else the app's shared client), language, texts. */
export const COMMON_PROPS: Record<string, PropSpec> = {
  appId: { kind: 'string', default: '', doc: 'Own client config (with `user-pool-id`); when empty, the client registered with `setDefaultClient()` is used' },
  userPoolId: { kind: 'string', default: '', doc: 'Own client config: user pool id' },
  host: { kind: 'string', default: '', doc: 'Own client config: Authing host (`https://…`; plain http only for loopback)' },
  timeout: { kind: 'number', default: 0, doc: 'Request timeout (ms) of a property-configured client; 0 = the client\'s default (10 s)' },
  lang: { kind: 'string', default: 'zh-CN', ts: "'zh-CN' | 'en-US'", doc: 'Language of the texts (and of a property-configured client\'s messages); anything else: zh-CN' },
  texts: { kind: 'object', default: {}, ts: 'Record<string, string>', doc: 'Overrides any text by key (keys: the component\'s `texts.ts`)' },
};

/** Every property of a component: the common ones, then its own. */
export function allProps(spec: ComponentSpec): Record<string, PropSpec> {
  return { ...COMMON_PROPS, ...spec.properties };
}

const CONSTRUCTORS: Record<PropKind, WechatMiniprogram.Component.ShortProperty | null> = {
  string: String, number: Number, boolean: Boolean, object: Object,
  // An Array or a String: exparser turns a string into [] for Array-typed properties.
  list: null,
  any: null,
};

/** The native `properties` option of a spec. */
export function nativeProperties(spec: ComponentSpec): WechatMiniprogram.Component.PropertyOption {
  const out: Record<string, { type: WechatMiniprogram.Component.ShortProperty | null; value: unknown }> = {};
  for (const [name, p] of Object.entries(allProps(spec))) {
    const value = Array.isArray(p.default) ? p.default.slice() : typeof p.default === 'object' ? { ...p.default } : p.default;
    out[name] = { type: CONSTRUCTORS[p.kind], value };
  }
  return out as unknown as WechatMiniprogram.Component.PropertyOption;
}
