// API spec of <authing-register>: the source of its properties, its public types (api.ts) and the API
// tables of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'register',
  typeName: 'Register',
  properties: {
    methods: { kind: 'list', default: 'password,sms', ts: 'string[] | string', doc: 'Tabs and their order: `password` (username or email + password), `sms` (phone code), `email` (email code; needs `authing-miniapp-kit/account` for the send). One method → no tab bar.' },
    defaultMethod: { kind: 'string', default: '', doc: 'Tab shown first (`\'\'` = the first of `methods`)' },
    fields: { kind: 'list', default: [], ts: 'string[] | string', doc: 'Optional profile fields asked for and sent with the sign-up: `nickname`, `name`, `company`, `country`, `address`, `street-address`, `postal-code` (e.g. `"nickname"`)' },
    encrypt: { kind: 'string', default: 'none', ts: "'none' | 'rsa' | 'sm2'", doc: 'Password encryption of the sign-up and of the sign-in after it (as the login\'s; require the encryptor once in the app)' },
    scope: { kind: 'string', default: '', doc: 'OIDC scope of the sign-in after the sign-up; `\'\'` = the server\'s default' },
    fetchUserInfo: { kind: 'any', default: true, ts: "boolean | 'full'", doc: '`userInfo` of the `login` event, as the login\'s' },
    countdown: { kind: 'number', default: 60, doc: 'Resend countdown (seconds) of the sign-up codes' },
    agreements: { kind: 'list', default: [], ts: 'Array<{ title: string; url?: string } | string> | string', doc: 'As the login\'s: non-empty → an unchecked consent checkbox gates the sign-up and the code send' },
    agreed: { kind: 'boolean', default: false, doc: 'The agreements are already accepted (e.g. in the login this form is part of): no checkbox tick needed; the user can still untick it' },
    loginLink: { kind: 'boolean', default: true, doc: 'Show "Already have an account? Log in" (emits `navigate` `{ to: \'login\' }`)' },
    title: { kind: 'string', default: '', doc: 'Heading above the tabs (or use the `header` slot)' },
  },
  events: {
    register: { detail: 'RegisterEventDetail', shape: "{ method: 'password' | 'sms' | 'email', user: { id, username?, email?, phone? } }", doc: 'The account was created. The sign-in follows at once (`login`).' },
    login: { detail: 'LoginEventDetail', shape: '{ method, loginState, userInfo? }', doc: 'The new user is logged in (by password: a code sign-up asks for a password too, the code being used up by the sign-up). `method` is the sign-up\'s.' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'register' | 'send-code' | 'login', method, code, message, error }", doc: 'A failure, shown once: the server\'s message on its field (account / phone / email already taken, wrong code, password policy), else as a toast. `action: \'login\'`: the account exists but the sign-in after it failed; a retry signs in only.' },
    'send-code': { detail: 'SendCodeEventDetail', shape: '{ phone, countryCode } | { email }', doc: 'The server accepted a `CHANNEL_REGISTER` code send; the countdown started' },
    'tab-change': { detail: 'TabChangeEventDetail', shape: '{ method }', doc: 'The user switched tabs' },
    cancel: { detail: 'CancelEventDetail', shape: "{ action: 'register' | 'send-code', method, reason: 'consent' }", doc: 'The user declined the agreements in the prompt; nothing was sent' },
    'agreement-change': { detail: 'AgreementChangeEventDetail', shape: '{ agreed }', doc: 'The checkbox changed, or the user agreed in the prompt' },
    'agreement-tap': { detail: 'AgreementTapEventDetail', shape: '{ index, title, url }', doc: 'An agreement link was tapped' },
    navigate: { detail: 'NavigateEventDetail', shape: "{ to: 'login' }", doc: 'The "log in" link: open the login (inside `<authing-login>` the login shows its form instead)' },
  },
  methods: {},
  slots: { header: 'Above the tabs', footer: 'Below the login link' },
  externalClasses: {
    'custom-class': 'Root',
    'input-class': 'Every `t-input`',
    'button-class': 'The sign-up button',
    'error-class': "A field's error tip",
    'agreement-class': 'The consent row',
  },
  cssVars: {
    '--authing-register-padding': ['`--authing-spacing`', 'Padding of the form'],
    '--authing-register-gap': ['`--authing-spacing`', 'Space before the button'],
  },
} satisfies ComponentSpec;
