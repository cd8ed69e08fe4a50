// Properties every kit component takes: its own client configuration (else the app's shared
// client, see client.ts), the language and text overrides. Spread into each `properties`.
export const COMMON_PROPERTIES = {
  /** Own client config; when empty, the client registered with setDefaultClient() is used. */
  appId: { type: String, value: '' },
  userPoolId: { type: String, value: '' },
  host: { type: String, value: '' },
  /** zh-CN | en-US (anything else: zh-CN). */
  lang: { type: String, value: 'zh-CN' },
  /** Overrides any text by key (see the component's README). */
  texts: { type: Object, value: {} as Record<string, string> },
};
