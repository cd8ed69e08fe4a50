// API spec of <authing-phone-button>: the source of its properties, its public types (api.ts) and the API
// tables of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'phone-button',
  typeName: 'PhoneButton',
  properties: {
    mode: { kind: 'string', default: 'get-phone', ts: "'get-phone' | 'login'", doc: '`get-phone`: `getPhone` → `phone` event; `login`: phone login → `login` event' },
    scope: { kind: 'string', default: '', doc: 'OIDC scope of the phone login (`mode="login"`), e.g. `openid profile offline_access` for a refresh token; `\'\'` = the server\'s default' },
    extIdpConnIdentifier: { kind: 'string', default: 'wechat-miniprogram', doc: 'Identifier of the WeChat mini-program identity source in Authing' },
    realtime: { kind: 'boolean', default: false, doc: 'Use `getRealtimePhoneNumber` (real-time verification) instead of `getPhoneNumber`' },
    disabled: { kind: 'boolean', default: false, doc: 'Disable the button' },
    requireConsent: { kind: 'boolean', default: false, doc: 'Gate the button behind the agreements (needs `agreements`)' },
    agreements: { kind: 'list', default: [], ts: 'Array<{ title: string; url?: string } | string> | string', doc: '`[{ title, url }]`, titles, or a comma string (`"用户协议,隐私政策"`)' },
    theme: { kind: 'string', default: 'primary', doc: '`t-button` theme' },
    size: { kind: 'string', default: 'large', doc: '`t-button` size' },
    variant: { kind: 'string', default: 'base', doc: '`t-button` variant' },
    block: { kind: 'boolean', default: true, doc: 'Full-width `t-button`' },
  },
  events: {
    phone: { detail: 'PhoneEventDetail', shape: '{ phoneInfo: { phoneNumber, purePhoneNumber, countryCode, watermark } }', doc: 'mode `get-phone`: the number was obtained' },
    login: { detail: 'LoginEventDetail', shape: "{ method: 'phone', loginState }", doc: 'mode `login`: logged in (the client saved the state)' },
    cancel: { detail: 'CancelEventDetail', shape: "{ action, method: 'phone', reason: 'deny' | 'consent' | 'privacy' }", doc: 'The user closed WeChat\'s dialog (`deny`), declined the agreements (`consent`) or declined WeChat\'s privacy authorization in the built-in popup (`privacy`). No request was made.' },
    error: { detail: 'ErrorEventDetail', shape: "{ action, method: 'phone', code, message, error, errMsg?, errno? }", doc: '`code`: `no_quota` (errno 1400001), `no_permission` (errno 102), `platform` (other WeChat failure; these three make no request), `invalid_options` (no client / identity source, malformed client properties), or the failed request\'s `error.code` (`server`, `network`, `timeout`, …)' },
    'agreement-change': { detail: 'AgreementChangeEventDetail', shape: '{ agreed }', doc: 'The user accepted (prompt or checkbox) or unticked the checkbox' },
    'agreement-tap': { detail: 'AgreementTapEventDetail', shape: '{ index, title, url }', doc: 'An agreement link was tapped; page paths (`/pages/...`) are also opened with `wx.navigateTo`' },
  },
  methods: {},
  slots: { footer: 'Below the button, agreements and message' },
  externalClasses: {
    'custom-class': 'Root element',
    'button-class': 'The `t-button` (gate and open-type)',
    'message-class': 'The message line (decline hint, errors)',
    'agreement-class': 'The agreements row',
  },
  cssVars: {
    '--authing-phone-gap': ['`--authing-spacing-small` (16rpx)', 'Space between button, agreements, prompt and message'],
    '--authing-phone-link-color': ['`--authing-link-color` (primary)', 'Agreement links'],
    '--authing-phone-message-color': ['`--authing-text-color-secondary`', 'Info messages (errors use `--authing-error-color`)'],
    '--authing-phone-prompt-bg': ['`--authing-bg-color-secondary`', 'Consent prompt background'],
  },
} satisfies ComponentSpec;
