// After a code login whose encryptedData had to be dropped (the session_key rotated under it): the
// nickname and photo still reach the profile from getUserProfile's rawData, when the account has none.
import type { LoginState } from '../types';
import type { ClientContext } from '../context';
import { userInfoFromClaims } from '../claims';

export async function keepNickname(ctx: ClientContext, state: LoginState | undefined, rawData: string): Promise<void> {
  let profile: { nickName?: unknown; avatarUrl?: unknown };
  try {
    profile = JSON.parse(rawData);
  } catch (e) {
    return;
  }
  const nickname = profile && typeof profile.nickName === 'string' ? profile.nickName.trim() : '';
  const claims = userInfoFromClaims(state);
  if (!nickname || !state || (claims && claims.nickname)) return;
  const body: Record<string, unknown> = { nickname };
  if (typeof profile.avatarUrl === 'string' && profile.avatarUrl && !(claims && claims.photo)) body.photo = profile.avatarUrl;
  // Best effort: the login itself succeeded; a failed update only leaves the profile as the server made it.
  await ctx.call({ method: 'POST', path: '/api/v3/update-profile', userPool: true, token: state.access_token, data: body });
}
