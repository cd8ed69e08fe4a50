// How a component finds its client: its own properties (app-id + user-pool-id [+ host]) win,
// else the app's shared client registered with setDefaultClient() in app.ts.

import { Authing, getDefaultClient } from '../../core/index';
import { pickLang } from './texts';
import type { AuthingClient, EncryptFunction, EncryptType } from '../../core/index';
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

export interface ResolveOptions {
  /**
   * The component will send passwords encrypted this way, with `encryptor` (see
   * `components/login/encryptors.ts`). Passed in rather than required here so that components which
   * never encrypt do not pull jsencrypt / sm-crypto into the package (WeChat's packager follows every
   * `require` it can see).
   */
  encrypt?: EncryptType;
  encryptor?: EncryptFunction;
}

// Property-configured clients are cached so every component with the same config shares one
// (one public-key cache, one refresh in flight).
const byConfig: Record<string, AuthingClient> = {};
// Shared client + encryptor → a sibling client with the same app / pool / host (same stored login state).
const withEncryptor: Record<string, { base: AuthingClient; client: AuthingClient }> = {};

/**
 * The client for a component. Throws (with the client's readable message) when the properties are
 * malformed, e.g. a plain-http non-loopback host; returns undefined when nothing is configured.
 */
export function resolveClient(props: ClientProps, options: ResolveOptions = {}): AuthingClient | undefined {
  const encrypt: EncryptType = (options.encrypt === 'rsa' || options.encrypt === 'sm2') && options.encryptor ? options.encrypt : 'none';
  const encryptFunction = encrypt === 'none' ? undefined : options.encryptor;
  const timeout = typeof props.timeout === 'number' && props.timeout > 0 ? props.timeout : undefined;
  if (props.appId && props.userPoolId) {
    // The texts fall back to zh-CN for an unknown lang; the client follows them instead of refusing it.
    const lang = pickLang(props.lang);
    const key = [props.appId, props.userPoolId, props.host, lang, timeout || '', encrypt].join('|');
    if (!byConfig[key]) {
      byConfig[key] = new Authing({
        appId: props.appId,
        userPoolId: props.userPoolId,
        host: props.host || undefined,
        lang,
        timeout,
        encryptFunction,
      });
    }
    return byConfig[key];
  }
  const shared = getDefaultClient();
  if (!shared || encrypt === 'none') return shared;
  // The AuthingClient interface does not expose whether the shared client has an encryptFunction, so the
  // component uses a sibling with the kit's encryptor; it reads and writes the same stored login state.
  const o = shared.options;
  const key = [o.appId, o.userPoolId, o.host, o.lang, o.timeout, o.platform.name, encrypt].join('|');
  const cached = withEncryptor[key];
  if (cached && cached.base === shared) return cached.client;
  const client = new Authing({
    appId: o.appId, userPoolId: o.userPoolId, host: o.host, lang: o.lang, timeout: o.timeout, platform: o.platform,
    encryptFunction,
  });
  withEncryptor[key] = { base: shared, client };
  return client;
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
