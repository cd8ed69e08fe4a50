// API spec of <authing-mfa>: the source of its properties, its public types (api.ts) and the API tables
// of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'mfa',
  typeName: 'Mfa',
  properties: {
    challenge: { kind: 'any', default: {}, ts: 'Record<string, unknown> | null', doc: 'What the sign-in answered "MFA required" with: `readMfaChallenge(error)` (from `authing-miniapp-kit/journey`) or the sign-in error itself. Holds the short-lived mfaToken: keep it in page data only, never in storage or logs. A new challenge starts the step afresh.' },
    method: { kind: 'string', default: 'password', ts: "'password' | 'sms' | 'email'", doc: 'How the user signed in before the MFA step; echoed as `method` in `login`' },
    fetchUserInfo: { kind: 'any', default: true, ts: "boolean | 'full'", doc: '`userInfo` of the `login` event, as in `<authing-login>`: `true` = from the id_token\'s claims, `\'full\'` = the full profile (one more request), `false` = none' },
    countdown: { kind: 'number', default: 60, doc: 'Resend countdown (seconds) of the SMS / email code; survives a page leave and re-entry' },
    title: { kind: 'string', default: '', doc: 'Heading (default: the `title` text, 安全验证 / Verify it\'s you)' },
  },
  events: {
    login: { detail: 'LoginEventDetail', shape: "{ method, loginState, userInfo?, mfa: 'sms' | 'email' | 'totp' | 'recovery-code' }", doc: 'Verified: the login state is stored. `mfa` names the factor used' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'send-code' | 'verify-mfa', code, message, error }", doc: 'A failure, already shown once: a wrong code on the code field, anything else below it. An expired or used mfaToken (401 / 2021) is followed by `navigate`; the typed code is kept in every case' },
    'send-code': { detail: 'SendCodeEventDetail', shape: '{ phone, countryCode } | { email }', doc: 'The server accepted the SMS / email code send; the countdown started' },
    navigate: { detail: 'NavigateEventDetail', shape: "{ to: 'login' }", doc: '"Back to login" was tapped, or the MFA step timed out (sign in again). Inside `<authing-login>` the login switches back itself' },
  },
  methods: {},
  slots: { header: 'Above the title', footer: 'Below the "back to login" link' },
  externalClasses: {
    'custom-class': 'Root',
    'input-class': 'The code `t-input`',
    'button-class': 'The verify button',
    'message-class': 'The message below the button',
  },
  cssVars: {
    '--authing-mfa-padding': ['`--authing-spacing`', 'Padding of the step'],
    '--authing-mfa-title-size': ['`--authing-font-size-title`', 'Title size'],
  },
} satisfies ComponentSpec;
