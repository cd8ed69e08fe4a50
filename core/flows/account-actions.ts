// The requests behind <authing-account>'s dialogs, in the contract's order (wire contract §8 and the
// account module): change the password, bind or change a phone / email (a change verifies the current
// one too, then spends the token), verify and delete the account, send the codes. Plain TS over the
// client's `[error, data]` results; no state here.

import type { AuthingClient, EncryptType, ErrorData, SmsChannel, EmailChannel } from '../types';
import type { Result } from '../errors';
import { fail, ok } from '../errors';
import { fieldOfError } from './field-errors';
import type { AccountDialog, AccountField, DeleteMethod } from './account-checks';
import type { AccountSummary } from './account-summary';
import type { EventAction } from './events';

/** New phones are mainland China numbers (+86), as the login form's default. */
export const NEW_PHONE_COUNTRY_CODE = '+86';

/** The `action` of a dialog's events: a change when the account has the contact already, else a bind. */
export function dialogAction(dialog: AccountDialog, summary: AccountSummary): EventAction {
  if (dialog === 'password') return 'update-password';
  if (dialog === 'phone') return summary.phone ? 'update-phone' : 'bind-phone';
  if (dialog === 'email') return summary.email ? 'update-email' : 'bind-email';
  return 'delete-account';
}

/** Where a code input's code goes: an SMS or an email, to whom, on which channel. */
export type CodeTarget =
  | { kind: 'sms'; phone: string; countryCode: string; channel: SmsChannel }
  | { kind: 'email'; email: string; channel: EmailChannel };

/**
 * The channels the devserver and Authing expect: a new phone proves itself like a bound one
 * (CHANNEL_BIND_PHONE), the current one like an unbound one (CHANNEL_UNBIND_PHONE); both emails of a
 * change use CHANNEL_UPDATE_EMAIL, a first email CHANNEL_BIND_EMAIL; a deletion CHANNEL_DELETE_ACCOUNT.
 * null: nothing to send to yet (the new phone / email is empty).
 */
export function codeTarget(dialog: AccountDialog, field: 'oldCode' | 'code', summary: AccountSummary, values: Record<string, string>, method: DeleteMethod): CodeTarget | null {
  const typed = (name: string) => (values[name] || '').trim();
  if (dialog === 'delete') {
    if (method === 'phone') return { kind: 'sms', phone: summary.phone, countryCode: summary.phoneCountryCode, channel: 'CHANNEL_DELETE_ACCOUNT' };
    return method === 'email' ? { kind: 'email', email: summary.email, channel: 'CHANNEL_DELETE_ACCOUNT' } : null;
  }
  if (dialog === 'phone') {
    if (field === 'oldCode') return { kind: 'sms', phone: summary.phone, countryCode: summary.phoneCountryCode, channel: 'CHANNEL_UNBIND_PHONE' };
    return { kind: 'sms', phone: typed('phone'), countryCode: NEW_PHONE_COUNTRY_CODE, channel: 'CHANNEL_BIND_PHONE' };
  }
  if (dialog === 'email') {
    if (field === 'oldCode') return { kind: 'email', email: summary.email, channel: 'CHANNEL_UPDATE_EMAIL' };
    return { kind: 'email', email: typed('email'), channel: summary.email ? 'CHANNEL_UPDATE_EMAIL' : 'CHANNEL_BIND_EMAIL' };
  }
  return null;
}

export function sendCode(client: AuthingClient, target: CodeTarget): Promise<Result<unknown>> {
  return target.kind === 'sms'
    ? client.sendSms({ phoneNumber: target.phone, phoneCountryCode: target.countryCode, channel: target.channel })
    : client.sendEmailCode({ email: target.email, channel: target.channel });
}

/** What a dialog sends: the typed values, trimmed (passwords as typed). */
type Values = Record<string, string>;
const trimmed = (values: Values, name: string) => (values[name] || '').trim();

export function changePassword(client: AuthingClient, summary: AccountSummary, values: Values, encrypt: EncryptType): Promise<Result<unknown>> {
  return client.updatePassword({
    newPassword: values.newPassword,
    ...(summary.passwordSet === false ? {} : { oldPassword: values.password }),
    ...(encrypt !== 'none' ? { passwordEncryptType: encrypt } : {}),
  });
}

/** Binds a first phone, or changes it: both codes verified for a token, then the token spent. */
export async function changePhone(client: AuthingClient, summary: AccountSummary, values: Values): Promise<Result<unknown>> {
  const phoneNumber = trimmed(values, 'phone');
  const code = trimmed(values, 'code');
  if (!summary.phone) return client.bindPhone({ phoneNumber, passCode: code, phoneCountryCode: NEW_PHONE_COUNTRY_CODE });
  const [err, data] = await client.updatePhoneRequest({
    verifyMethod: 'PHONE_PASSCODE',
    phonePassCodePayload: {
      newPhoneNumber: phoneNumber, newPhonePassCode: code, newPhoneCountryCode: NEW_PHONE_COUNTRY_CODE,
      oldPhoneNumber: summary.phone, oldPhonePassCode: trimmed(values, 'oldCode'), oldPhoneCountryCode: summary.phoneCountryCode,
    },
  });
  return err ? fail(err) : client.updatePhone({ updatePhoneToken: data!.updatePhoneToken });
}

export async function changeEmail(client: AuthingClient, summary: AccountSummary, values: Values): Promise<Result<unknown>> {
  const email = trimmed(values, 'email');
  const code = trimmed(values, 'code');
  if (!summary.email) return client.bindEmail({ email, passCode: code });
  const [err, data] = await client.updateEmailRequest({
    verifyMethod: 'EMAIL_PASSCODE',
    emailPassCodePayload: { newEmail: email, newEmailPassCode: code, oldEmail: summary.email, oldEmailPassCode: trimmed(values, 'oldCode') },
  });
  return err ? fail(err) : client.updateEmail({ updateEmailToken: data!.updateEmailToken });
}

/** Step 1 of a deletion: proves the owner; the token it returns is spent by `deleteAccount`. */
export async function verifyDeletion(client: AuthingClient, summary: AccountSummary, values: Values, method: DeleteMethod, encrypt: EncryptType): Promise<Result<string>> {
  const code = trimmed(values, 'code');
  const [err, data] = await (method === 'password'
    ? client.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: values.password, ...(encrypt !== 'none' ? { passwordEncryptType: encrypt } : {}) } })
    : method === 'phone'
      ? client.deleteAccountRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: summary.phone, phoneCountryCode: summary.phoneCountryCode, passCode: code } })
      : client.deleteAccountRequest({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: summary.email, passCode: code } }));
  return err ? fail(err) : ok(data!.deleteAccountToken);
}

/**
 * The input a server failure belongs on, among those the dialog shows (a phone / email that belongs to
 * another account, apiCode 2026, sits on that input). A wrong code of a change names
 * the current one's field (`oldPhonePassCode` / `oldEmailPassCode`) in the devserver's message; Authing's
 * wording is UNCONFIRMED, so any other wrong code sits on the new one's input.
 */
export function failedField(error: ErrorData, fields: readonly AccountField[]): AccountField | null {
  const field = fieldOfError(error, fields);
  if (field === 'code' && fields.indexOf('oldCode') >= 0 && /old(Phone|Email)PassCode/.test(error.message || '')) return 'oldCode';
  return field;
}
