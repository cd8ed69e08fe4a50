// API spec of <authing-login>: the source of its properties, its public types (api.ts) and the API tables
// of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'login',
  typeName: 'Login',
  properties: {
    extIdpConnIdentifier: { kind: 'string', default: 'wechat-miniprogram', doc: 'Identifier of the WeChat mini-program identity source in the Authing console (WeChat tab). The default matches the devserver; set yours.' },
    methods: { kind: 'list', default: 'password,sms,wechat', ts: 'string[] | string', doc: 'Tabs and their order: `[\'sms\',\'password\']` or `"sms,password"` (`password`, `sms`, `email`, `wechat`). `email` is opt-in. One method → no tab bar.' },
    defaultMethod: { kind: 'string', default: '', doc: 'Tab shown first (`\'\'` = the first of `methods`)' },
    encrypt: { kind: 'string', default: 'none', ts: "'none' | 'rsa' | 'sm2'", doc: 'Password encryption. Require the encryptor once in the app (`authing-miniapp-kit/crypto/rsa` or `/crypto/sm2`); the component requires none itself. The key (and SM2\'s ephemeral) is prepared when the password tab shows, so the tap sends at once.' },
    autoRegister: { kind: 'boolean', default: false, doc: 'Register unknown accounts on password / SMS / email login (`options.autoRegister`)' },
    scope: { kind: 'string', default: '', doc: 'OIDC scope of every login, e.g. `openid profile offline_access` for a refresh token; `\'\'` = the server\'s default' },
    fetchUserInfo: { kind: 'any', default: true, ts: "boolean | 'full'", doc: '`userInfo` of the `login` event: `true` = from the id_token\'s claims (no extra request), `\'full\'` = the full profile (one more request), `false` = none' },
    countdown: { kind: 'number', default: 60, doc: 'Resend countdown (seconds); starts after a successful send, survives tab switches and page re-entry' },
    phoneLogin: { kind: 'boolean', default: true, doc: 'Show the phone-number one-tap button in the WeChat tab (a paid WeChat capability)' },
    agreements: { kind: 'list', default: [], ts: 'Array<{ title: string; url?: string } | string> | string', doc: '`[{ title, url }]`, titles, or `"用户协议,隐私政策"`. Non-empty → an unchecked consent checkbox gates every method.' },
    title: { kind: 'string', default: '', doc: 'Heading above the tabs (or use the `header` slot)' },
    phoneBinding: { kind: 'string', default: 'off', ts: "'off' | 'optional' | 'required'", doc: 'After a WeChat code login of a user without a phone: `optional` / `required` show the bind-phone step (`<authing-bind-phone>`) in place and emit `login` (with `phoneBound: true`) only after the phone is bound, or, `optional` only, skipped. `off`: `login` at once. (Not named `bind-phone`: WXML reads `bind…` attributes as event bindings.)' },
    resetEntry: { kind: 'boolean', default: true, doc: 'Show the "忘记密码 / Forgot password?" link on the password tab: it shows `<authing-reset-password>` in place of the form; afterwards the password tab comes back with the account filled in' },
    registerEntry: { kind: 'boolean', default: true, doc: 'Show the "注册 / Sign up" link: the sign-up (`<authing-register>`) in place of the form, with this login\'s client, `lang`, `encrypt`, `scope`, `fetch-user-info`, `countdown`, `agreements` and code methods' },
    registerFields: { kind: 'list', default: [], ts: 'string[] | string', doc: 'The `fields` of the embedded sign-up (optional profile fields, e.g. `"nickname"`)' },
  },
  events: {
    login: { detail: 'LoginEventDetail', shape: '{ method, loginState, userInfo?, mfa?, phoneBound? }', doc: 'Logged in. `method`: `password`, `sms`, `email`, `wechat` (code) or `phone` (one-tap). `loginState` is the stored token set. `mfa` (`sms`, `email`, `totp`, `recovery-code`) only when the sign-in went through the MFA step, which shows in place when the server asks for it; `phoneBound: true` when the bind-phone step bound a phone (see `phone-binding`).' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'login' | 'send-code' | 'verify-mfa' | 'bind-phone' | 'reset-password' | 'register', method?, code, message, error }", doc: 'A server, network, timeout or configuration failure, already shown once: on its field when it is about one (wrong password or code, malformed phone or email, unknown account), else as a toast (`verify-mfa` / `bind-phone` / `reset-password` / `register`: a failure of that embedded step, shown in the step; a step\'s failed code send is `send-code`). Captcha required / wrong, tries left, locked and too frequent are worded by the component\'s own texts; `error` is the server\'s' },
    'send-code': { detail: 'SendCodeEventDetail', shape: '{ phone, countryCode } | { email }', doc: 'The server accepted a code send; that tab\'s countdown started (an embedded step\'s sends come through too: sign-up, reset, MFA, bind-phone)' },
    register: { detail: 'RegisterEventDetail', shape: "{ method, user: { id, username?, email?, phone? } }", doc: 'A new account was created in the sign-up screen; `login` follows (its `method` is the sign-up\'s)' },
    'tab-change': { detail: 'TabChangeEventDetail', shape: '{ method }', doc: 'The user switched tabs' },
    'screen-change': { detail: 'ScreenChangeEventDetail', shape: '{ screen }', doc: "Another step shows in place of the form (`register`, `reset-password`, `mfa`, `bind-phone`) or the form again (`login`); what was typed in the form is kept" },
    cancel: { detail: 'CancelEventDetail', shape: "{ action: 'login' | 'send-code' | 'bind-phone', method?, reason, errMsg? }", doc: 'Nothing was sent: `reason` `consent` (declined the prompt), `deny` (declined WeChat\'s phone dialog), `unavailable` (WeChat gave no phone code; `errMsg` says why), `before-login` (vetoed), `skip` (the bind-phone step was skipped; `login` follows) or `privacy` (declined WeChat\'s privacy authorization in the built-in popup)' },
    'agreement-change': { detail: 'AgreementChangeEventDetail', shape: '{ agreed }', doc: 'The checkbox changed, or the user agreed in the prompt' },
    'agreement-tap': { detail: 'AgreementTapEventDetail', shape: '{ index, title, url }', doc: 'An agreement link was tapped; a `url` starting with `/` is also opened with `wx.navigateTo`' },
    'password-reset': { detail: 'PasswordResetEventDetail', shape: "{ method: 'sms' | 'email', account }", doc: 'The embedded forgot-password step set a new password (passed on from `<authing-reset-password>`); the password tab shows again with `account` filled in' },
  },
  methods: { 'setBeforeLogin(fn)': 'Veto hook, see below' },
  slots: { header: 'Above the tabs (logo, greeting)', footer: 'Below the agreements (e.g. "暂不登录")' },
  externalClasses: {
    'custom-class': 'Root',
    'header-class': 'Header area',
    'tabs-class': 'The `t-tabs`',
    'input-class': 'Every `t-input`',
    'button-class': 'The main buttons (login, WeChat, phone)',
    'error-class': "A field's error tip (the input's `tips`)",
    'agreement-class': 'The consent row',
    'footer-class': 'Footer area',
  },
  cssVars: {
    '--authing-login-padding': ['`--authing-spacing`', 'Padding of the form'],
    '--authing-login-gap': ['`--authing-spacing`', 'Space between rows'],
    '--authing-login-title-size': ['`--authing-font-size-title`', 'Title size'],
  },
} satisfies ComponentSpec;
