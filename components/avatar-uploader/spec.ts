// API spec of <authing-avatar-uploader>: the source of its properties, its public types (api.ts) and the
// API tables of its README (`npm run docs`).
import type { ComponentSpec } from '../common/spec';

export const SPEC = {
  name: 'avatar-uploader',
  typeName: 'AvatarUploader',
  properties: {
    src: { kind: 'string', default: '', doc: 'Avatar URL to show; when set, the profile is not read on attach' },
    maxSize: { kind: 'number', default: 2097152, doc: 'Largest accepted image in bytes (2 MB), checked before upload' },
    size: { kind: 'string', default: '160rpx', doc: '`t-avatar` size: `small` / `medium` / `large` / a CSS length' },
    shape: { kind: 'string', default: 'circle', ts: "'circle' | 'round'", doc: '`t-avatar` shape' },
    disabled: { kind: 'boolean', default: false, doc: 'No picking' },
  },
  events: {
    change: { detail: 'AvatarChangeEventDetail', shape: '{ url, userInfo }', doc: 'The new avatar is uploaded and set as the profile `photo`' },
    load: { detail: 'AvatarLoadEventDetail', shape: '{ url, userInfo }', doc: 'The profile was read on attach / `reload()`' },
    error: { detail: 'ErrorEventDetail', shape: "{ action: 'load' | 'check' | 'upload', code, message, error }", doc: '`check`: the file was refused before upload (`code` `not_image`, `too_large`, `no_file`). `upload`: the upload or the profile update failed (`code` = `error.code`); the old avatar stays. `load`: the profile could not be read. `not_logged_in` gets a "please log in" message; `invalid_options`: no client or malformed client properties. A cancelled picker is not an error.' },
  },
  methods: { 'reload()': 'Read the profile again and show its photo (e.g. after the user logs in)' },
  slots: { default: 'Below the avatar, hint and message' },
  externalClasses: {
    'custom-class': 'Root element',
    'avatar-class': 'The `t-avatar`',
    'message-class': 'The message line',
  },
  cssVars: {
    '--authing-avatar-gap': ['`--authing-spacing-small` (16rpx)', 'Space between avatar, progress, hint and message'],
    '--authing-avatar-hint-color': ['`--authing-text-color-secondary`', 'Hint and info text'],
    '--authing-avatar-progress-width': ['`240rpx`', 'Width of the upload progress bar'],
  },
} satisfies ComponentSpec;
