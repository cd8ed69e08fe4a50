// Sent as `x-authing-sdk-version`. The value is the `@authing/miniapp` protocol level this client
// is wire-compatible with (contract §3.1), so a server that keys behaviour on it treats us like
// the SDK we replace. The kit's own release is KIT_VERSION.
export const SDK_VERSION = '5.1.21';
export const KIT_VERSION = '0.1.0';
