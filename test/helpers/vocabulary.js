// The kit's one event vocabulary (core/flows/events.ts, documented in components/EVENTS.md), checked
// on every event detail a component test records: `vocabularyProblems(events)` lists each detail of a
// shared event (login, error, cancel, agreement-tap, agreement-change, privacy) that does not match its shape.
const { EVENT_SHAPES } = require('./kit').internal('core/flows/events');

const ACTIONS = ['login', 'send-code', 'get-phone', 'load', 'check', 'upload', 'validate', 'save',
  'bind-phone',
  'privacy',
  'verify-mfa',
  'update-password', 'update-phone', 'bind-email', 'update-email', 'delete-account', 'logout',
  'reset-password',
  'register'];
const METHODS = ['password', 'sms', 'email', 'wechat', 'phone'];
const REASONS = ['consent', 'deny', 'unavailable', 'before-login',
  'skip',
  'privacy'];

const TYPES = {
  action: (v) => ACTIONS.includes(v),
  method: (v) => METHODS.includes(v),
  reason: (v) => REASONS.includes(v),
  code: (v) => typeof v === 'string' && v.length > 0,
  message: (v) => typeof v === 'string' && v.length > 0,
  error: (v) => !!v && typeof v === 'object' && typeof v.message === 'string' && v.message.length > 0,
  loginState: (v) => !!v && typeof v === 'object' && typeof v.access_token === 'string',
  userInfo: (v) => !!v && typeof v === 'object',
  fields: (v) => !!v && typeof v === 'object' && Object.values(v).every((m) => typeof m === 'string' && m),
  errMsg: (v) => typeof v === 'string',
  errno: (v) => typeof v === 'number',
  index: (v) => Number.isInteger(v) && v >= 0,
  title: (v) => typeof v === 'string' && v.length > 0,
  url: (v) => typeof v === 'string',
  agreed: (v) => typeof v === 'boolean',
  phoneBound: (v) => v === true,
  mfa: (v) => ['sms', 'email', 'totp', 'recovery-code'].includes(v),
  account: (v) => typeof v === 'string' && v.length > 0,
  user: (v) => !!v && typeof v === 'object' && typeof v.id === 'string' && v.id.length > 0 && Object.keys(v).every((k) => ['id', 'username', 'email', 'phone'].includes(k)),
  to: (v) => ['login', 'register', 'reset-password'].includes(v),
};

/** Problems of one event ([] when it is not a shared event or matches). */
function problemsOf({ name, detail }) {
  const shape = EVENT_SHAPES[name];
  if (!shape) return [];
  const out = [];
  const d = detail && typeof detail === 'object' ? detail : {};
  for (const k of shape.required) if (!(k in d)) out.push(`${name}: missing ${k}`);
  for (const [k, v] of Object.entries(d)) {
    if (!shape.required.includes(k) && !shape.optional.includes(k)) out.push(`${name}: unexpected ${k}`);
    else if (TYPES[k] && !TYPES[k](v)) out.push(`${name}: bad ${k} ${JSON.stringify(v)}`);
  }
  if (name === 'error' && d.error && d.message !== d.error.message) out.push('error: message differs from error.message');
  return out;
}

function vocabularyProblems(events) {
  return events.flatMap(problemsOf);
}

module.exports = { vocabularyProblems, problemsOf };
