// Token revocation at /oidc/token/revocation (RFC 7009): what logout sends, and what a refresh that
// lost the race against a logout sends for the tokens it got.
import type { ErrorData } from './types';
import { formEncode, Http } from './http';
import { isLive, StoredState } from './login-state';

/** The access and refresh tokens of a token set, those present. */
export function tokensOf(tokens: Record<string, unknown>, withAccess = true): string[] {
  const names = withAccess ? ['access_token', 'refresh_token'] : ['refresh_token'];
  return names.map((name) => tokens[name]).filter((t): t is string => typeof t === 'string' && t !== '');
}

/** The tokens a logout revokes: the access token while it is still valid, and the refresh token (which outlives it). */
export function tokensToRevoke(state: StoredState | undefined, now: number): string[] {
  return state ? tokensOf(state, isLive(state, now)) : [];
}

/** Revokes all `tokens` at once; the first failure in `tokens` order, or null when every one was revoked. */
export async function revokeTokens(http: Http, appId: string, tokens: string[]): Promise<ErrorData | null> {
  const results = await Promise.all(
    tokens.map((token) =>
      http.call({ method: 'POST', path: '/oidc/token/revocation', form: true, kind: 'revocation', data: formEncode({ client_id: appId, token }) }),
    ),
  );
  for (const [err] of results) if (err) return err;
  return null;
}
