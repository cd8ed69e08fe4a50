// How a component finds its client: its own properties (app-id + user-pool-id [+ host]) win,
// else the app's shared client registered with setDefaultClient() in app.ts. Password encryption is
// chosen per call inside that one client (the encryptor the app registered by importing
// `authing-miniapp-kit/crypto/rsa|sm2`), so there is never a second client for it.

import { Authing, getDefaultClient } from '../../core/index';
import { pickLang } from './texts';
import type { AuthingClient } from '../../core/index';
import { fail, ok, readErrMsg } from '../../core/errors';
import type { Result } from '../../core/errors';

export interface ClientProps {
  appId: string;
  userPoolId: string;
  host: string;
  lang: string;
  /** Request timeout in ms; 0 / absent = the client's default. */
  timeout?: number;
}

// Property-configured clients are cached so every component with the same config shares one
// (one public-key cache, one refresh in flight).
const byConfig: Record<string, AuthingClient> = {};

/**
 * The client for a component. Throws (with the client's readable message) when the properties are
 * malformed, e.g. a plain-http non-loopback host; returns undefined when nothing is configured.
 */
export function resolveClient(props: ClientProps): AuthingClient | undefined {
  const timeout = typeof props.timeout === 'number' && props.timeout > 0 ? props.timeout : undefined;
  if (props.appId && props.userPoolId) {
    // The texts fall back to zh-CN for an unknown lang; the client follows them instead of refusing it.
    const lang = pickLang(props.lang);
    const key = [props.appId, props.userPoolId, props.host, lang, timeout || ''].join('|');
    if (!byConfig[key]) {
      byConfig[key] = new Authing({ appId: props.appId, userPoolId: props.userPoolId, host: props.host || undefined, lang, timeout });
    }
    return byConfig[key];
  }
  return getDefaultClient();
}

/**
 * `resolveClient` for a component action: the client, or the error to show and emit. Malformed
 * properties (e.g. a plain-http host) give the client's own readable message instead of a
 * throw that would leave the component spinning with nothing on screen; no client at all gives
 * `notConfigured`.
 */
export function clientOrError(props: ClientProps, notConfigured: string): Result<AuthingClient> {
  let client: AuthingClient | undefined;
  try {
    client = resolveClient(props);
  } catch (err) {
    return fail({ code: 'invalid_options', message: readErrMsg(err) || notConfigured });
  }
  return client ? ok(client) : fail({ code: 'invalid_options', message: notConfigured });
}
