// API spec of <authing-account>: the source of its properties, its public types (api.ts) and the API
// tables of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'account',
  typeName: 'Account',
  properties: {
    encrypt: { kind: 'string', default: 'none', ts: "'none' | 'rsa' | 'sm2'", doc: 'Password encryption of the password change and of a deletion verified by password, as `<authing-login>`\'s: require the encryptor once in the app (`authing-miniapp-kit/crypto/rsa` or `/crypto/sm2`)' },
    countdown: { kind: 'number', default: 60, doc: 'Seconds before a code can be sent again to the same number / address' },
  },
  events: {
    'account-change': { detail: 'AccountChangeEventDetail', shape: "{ action: 'update-password' | 'bind-phone' | 'update-phone' | 'bind-email' | 'update-email', userInfo? }", doc: 'A password, phone or email changed; `userInfo` is the profile read afterwards (absent when that read failed)' },
    'account-delete': { detail: 'AccountDeleteEventDetail', shape: '{}', doc: 'The account was deleted; the stored login state is gone and the component shows the logged-out state' },
    logout: { detail: 'LogoutEventDetail', shape: '{}', doc: 'Logged out (tokens revoked, state cleared); the component shows the logged-out state' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'load' | 'update-password' | 'bind-phone' | 'update-phone' | 'bind-email' | 'update-email' | 'delete-account' | 'logout' | 'send-code', code, message, error, fields? }", doc: '`load`: `code` `not_logged_in` / `login_expired` (the calm logged-out state shows), else `network`, `server`, `invalid_options`. Bad input: `code` `invalid_argument`, `fields` maps each input to its message, nothing was sent. Otherwise `code` = `error.code`; the message sits on its input or in the dialog, what was typed is kept.' },
  },
  methods: { 'reload()': 'Read the account again, e.g. after the user logged in on another page' },
  slots: { header: 'Above the account cells', footer: 'Below the logout button' },
  externalClasses: {
    'custom-class': 'Root element',
    'cell-class': 'Each account `t-cell`',
    'button-class': 'The buttons (dialogs, logout)',
    'message-class': 'The message lines (outcome, failures, not logged in)',
  },
  cssVars: {
    '--authing-account-gap': ['`--authing-spacing` (32rpx)', 'Padding and spacing'],
    '--authing-account-danger-color': ['`--authing-error-color`', 'The delete-account cell, warning and confirm button'],
  },
} satisfies ComponentSpec;
