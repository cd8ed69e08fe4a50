// API spec of <authing-privacy-popup>: the source of its properties, its public types (api.ts) and the API
// tables of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'privacy-popup',
  typeName: 'PrivacyPopup',
  properties: {},
  events: {
    privacy: { detail: 'PrivacyEventDetail', shape: '{ agreed }', doc: 'The user answered WeChat\'s privacy request: `true` → the waiting action (phone dialog, avatar chooser, nickname input) continues; `false` → it fails quietly and is not retried' },
  },
  methods: {},
  slots: {},
  externalClasses: {
    'custom-class': 'Root element',
  },
  cssVars: {
    '--authing-privacy-link-color': ['`--authing-link-color` (primary)', 'The privacy guidelines link'],
  },
} satisfies ComponentSpec;
