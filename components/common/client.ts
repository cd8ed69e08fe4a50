// How a component finds its client: its own properties (app-id + user-pool-id [+ host]) win,
// else the app's shared client registered with setDefaultClient() in app.ts.

import { Authing, getDefaultClient } from '../../core/index';
import type { AuthingClient, Lang } from '../../core/index';

export interface ClientProps {
  appId: string;
  userPoolId: string;
  host: string;
  lang: string;
}

// Property-configured clients are cached so every component with the same config shares one
// (one public-key cache, one refresh in flight).
const byConfig: Record<string, AuthingClient> = {};

export function resolveClient(props: ClientProps): AuthingClient | undefined {
  if (props.appId && props.userPoolId) {
    const key = [props.appId, props.userPoolId, props.host, props.lang].join('|');
    if (!byConfig[key]) {
      byConfig[key] = new Authing({
        appId: props.appId,
        userPoolId: props.userPoolId,
        host: props.host || undefined,
        lang: (props.lang as Lang) || undefined,
      });
    }
    return byConfig[key];
  }
  return getDefaultClient();
}
