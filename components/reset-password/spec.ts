// API spec of <authing-reset-password>: the source of its properties, its public types (api.ts) and the API
// tables of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'reset-password',
  typeName: 'ResetPassword',
  properties: {
    methods: { kind: 'list', default: 'sms', ts: 'string[] | string', doc: 'How the user proves the account, in tab order: `sms` (phone code), `email` (email code; opt-in like the login\'s email tab: import `authing-miniapp-kit/account` once in the app). One → no tab bar. Inside `<authing-login>`: `sms`, plus `email` when the login has its email tab.' },
    encrypt: { kind: 'string', default: 'none', ts: "'none' | 'rsa' | 'sm2'", doc: 'Encryption of the new password, as `<authing-login encrypt>` (require the encryptor once in the app).' },
    countdown: { kind: 'number', default: 60, doc: 'Resend countdown (seconds); starts after a successful send and survives page re-entry' },
    loginLink: { kind: 'boolean', default: true, doc: 'Show the "back to login" link (it emits `navigate` {to: \'login\'}; inside `<authing-login>` it shows the login form)' },
    title: { kind: 'string', default: '', doc: 'Heading (`\'\'` = the built-in "找回密码 / Reset password")' },
  },
  events: {
    'password-reset': { detail: 'PasswordResetEventDetail', shape: "{ method: 'sms' | 'email', account }", doc: 'The new password is set. `account` is the phone number or email the code went to (fill a login form with it). Never carries a password, a code or the reset token.' },
    'send-code': { detail: 'SendCodeEventDetail', shape: '{ phone, countryCode } | { email }', doc: 'The server accepted a reset code send; the countdown started' },
    navigate: { detail: 'NavigateEventDetail', shape: "{ to: 'login' }", doc: 'The user tapped "back to login" (standalone: navigate your page; inside `<authing-login>` the login handles it)' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'send-code' | 'reset-password', method, code, message, error }", doc: 'A failure, already shown once: a wrong or expired code on the code field, a refused password on the password field, anything else as the form message. An expired or used reset token brings back step 1 with a message.' },
  },
  methods: {},
  slots: { header: 'Above the form (logo)', footer: 'Below the form' },
  externalClasses: {
    'custom-class': 'Root',
    'input-class': 'Every `t-input`',
    'button-class': 'The main button',
    'error-class': "A field's error tip (the input's `tips`)",
  },
  cssVars: {
    '--authing-reset-password-padding': ['`--authing-spacing`', 'Padding of the form'],
  },
} satisfies ComponentSpec;
