// API spec of <authing-profile-form>: the source of its properties, its public types (api.ts) and the API
// tables of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'profile-form',
  typeName: 'ProfileForm',
  properties: {
    fields: { kind: 'list', default: [], ts: 'string[] | string', doc: 'Fields and their order: an array or a comma string, camelCase or kebab-case (`street-address`). Known: `nickname`, `name`, `username`, `gender`, `birthdate`, `country`, `province`, `city`, `address`, `streetAddress`, `postalCode`, `company`, `externalId`; unknown names are ignored; none = `nickname, name, gender, birthdate, country, province, city, address`' },
    disabled: { kind: 'boolean', default: false, doc: 'Read-only form' },
  },
  events: {
    load: { detail: 'ProfileLoadEventDetail', shape: '{ userInfo }', doc: 'The profile was read (attach, `reload()`)' },
    change: { detail: 'ProfileChangeEventDetail', shape: '{ field, value }', doc: 'Gender or birthdate picked (typing emits nothing)' },
    save: { detail: 'ProfileSaveEventDetail', shape: '{ userInfo, changed: string[] }', doc: 'Saved: `changed` lists the fields that were sent, `userInfo` is the server\'s answer' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'load' | 'validate' | 'save', code, message, error, fields? }", doc: '`load`: `code` `not_logged_in`, `login_expired`, `server`, `network`, `invalid_options`. `validate`: `code` `invalid_argument`, `fields` maps each field to its message; nothing was sent. `save`: `code` = `error.code`. The edits are kept in every case.' },
  },
  methods: { 'reload()': 'Read the profile again (drops unsaved edits), e.g. after the user logs in' },
  slots: { header: 'Above the form', footer: 'Below the form' },
  externalClasses: {
    'custom-class': 'Root element',
    'field-class': 'Each field: `t-input`, gender row and date `t-cell`',
    'button-class': 'The save button',
    'message-class': 'The form message (saved / errors / not logged in)',
  },
  cssVars: {
    '--authing-profile-gap': ['`--authing-spacing` (32rpx)', 'Horizontal padding and spacing'],
    '--authing-profile-label-width': ['`2em`', 'Minimum width of the gender label (matches the t-input labels)'],
    '--authing-profile-label-color': ['`--authing-text-color`', 'Gender label colour'],
    '--authing-profile-message-color': ['`--authing-text-color-secondary`', 'Info messages (errors use `--authing-error-color`, success `--authing-success-color`)'],
  },
} satisfies ComponentSpec;
