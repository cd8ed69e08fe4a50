// One way for the app and the components to share a client: the app creates it once (app.ts)
// and registers it here; components without their own app-id/host properties use it.

import type { AuthingClient } from './types';

let defaultClient: AuthingClient | undefined;

export function setDefaultClient(client: AuthingClient | undefined): void {
  defaultClient = client;
}

export function getDefaultClient(): AuthingClient | undefined {
  return defaultClient;
}
