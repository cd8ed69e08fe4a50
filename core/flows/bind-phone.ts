// Binding a phone to the logged-in user (<authing-bind-phone>, and <authing-login>'s bind-phone step after a
// WeChat login): the SMS channel, which field a bind failure belongs on, and whether a login lacks a phone.
import type { AuthingClient, ErrorData } from '../types';
import { jwtClaims } from '../claims';
import { fieldOfError } from './field-errors';
import type { LoginEventDetail } from './events';

/** The SMS channel of a bind code (also the countdown key's channel). */
export const BIND_PHONE_CHANNEL = 'CHANNEL_BIND_PHONE';

export type BindPhoneField = 'phone' | 'code';

/**
 * "This phone belongs to another account": the devserver's 2026 (user exists) and Authing V2's 2035
 * (手机号已绑定); the V3 number is UNCONFIRMED. Shown on the phone field with the server's message.
 */
const PHONE_TAKEN_CODES: readonly number[] = [2026, 2035];

/** The field a failure of `fields` belongs on (wrong code, malformed or taken phone), else null. */
export function bindFieldOfError(error: ErrorData, fields: readonly BindPhoneField[]): BindPhoneField | null {
  const known = fieldOfError(error, fields);
  if (known) return known;
  return error.apiCode !== undefined && PHONE_TAKEN_CODES.indexOf(error.apiCode) >= 0 && fields.indexOf('phone') >= 0 ? 'phone' : null;
}

/**
 * Whether the user of a fresh login has no phone: from what the login answer already holds when it can
 * tell (an id_token whose scope has `phone`, or a full profile), else one get-profile. A profile that
 * cannot be read counts as "no phone": the step then asks, and a user who has one is told so by the server.
 */
export async function lacksPhone(client: AuthingClient, detail: LoginEventDetail): Promise<boolean> {
  if (detail.userInfoSource === 'profile' && detail.userInfo) return !detail.userInfo.phone;
  const scope = typeof detail.loginState.scope === 'string' ? detail.loginState.scope.split(/\s+/) : [];
  const claims = scope.indexOf('phone') >= 0 ? jwtClaims(detail.loginState.id_token) : undefined;
  if (claims) return !claims.phone_number;
  const [err, user] = await client.getUserInfo();
  return err || !user ? true : !user.phone;
}
