// API spec of <authing-bind-phone>: the source of its properties, its public types (api.ts) and the API tables
// of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'bind-phone',
  typeName: 'BindPhone',
  properties: {
    skippable: { kind: 'boolean', default: false, doc: 'Show "skip for now": the user may go on without a phone (`cancel` `{ action: \'bind-phone\', reason: \'skip\' }`)' },
    countdown: { kind: 'number', default: 60, doc: 'Resend countdown (seconds); starts after a successful send, survives page re-entry' },
  },
  events: {
    bind: { detail: 'BindEventDetail', shape: "{ method: 'sms' }", doc: 'The phone is bound to the logged-in user (`method` `sms`: by SMS code)' },
    'send-code': { detail: 'BindSendCodeEventDetail', shape: '{ phone, countryCode }', doc: 'The server accepted the code send (`CHANNEL_BIND_PHONE`); the countdown started' },
    cancel: { detail: 'CancelEventDetail', shape: "{ action: 'bind-phone', reason: 'skip' }", doc: 'The user skipped the step (only when `skippable`)' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'send-code' | 'bind-phone', method: 'sms', code, message, error }", doc: 'A failure, already shown once: on the phone field (malformed, or it belongs to another account: the server\'s message) or the code field (wrong or expired), else in the message line. What was typed is kept. Bad input is shown on its field and sends nothing (no event)' },
  },
  methods: {},
  slots: { header: 'Above the form', footer: 'Below the buttons' },
  externalClasses: {
    'custom-class': 'Root',
    'input-class': 'Every `t-input`',
    'button-class': 'The bind button',
    'message-class': 'The message line (code sent / bound / failures of no field)',
  },
  cssVars: {
    '--authing-bind-phone-padding': ['`--authing-spacing`', 'Padding of the step'],
    '--authing-bind-phone-gap': ['`--authing-spacing`', 'Space between rows'],
  },
} satisfies ComponentSpec;
