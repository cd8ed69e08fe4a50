// MFA at login. A password or code sign-in of an MFA user fails with apiCode / statusCode 1635 or
// 1636 and the challenge in the error's `data`; the user proves one factor with the challenge's
// mfaToken (`Authorization: Bearer <mfaToken>`, unlike every other call), then the kit stores the
// login state the verify answer maps to (mfa-login-state.ts).
import type { ErrorData, LoginState, SimpleResponseData } from '../types';
import { fail, kitError, ok, Result } from '../errors';
import type { Checked } from '../checks';
import { checkSendEmailCode, checkToken } from '../account/checks';
import { checkSendSms } from '../features/passcode';
import { validateEmail, validatePhone, validateRequired, validateSmsCode } from '../validate';
import type { Problem } from '../validate';
import type { JourneyContext, Json } from './context';
import type {
  MfaChallenge, MfaFactor, MfaFactorType, SendMfaEmailOptions, SendMfaSmsOptions, VerifyMfaEmailOptions, VerifyMfaRecoveryCodeOptions,
  VerifyMfaSmsOptions, VerifyMfaTotpOptions,
} from './types';
import { checked } from './request';
import { mfaLoginState } from './mfa-login-state';

const MFA_CODES = [1635, 1636];
const FACTOR_TYPES: MfaFactorType[] = ['SMS', 'EMAIL', 'OTP'];

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The factors in the server's order (lowest `sort` first); unknown ones (FACE, PASSKEY) are left out. */
function readFactors(data: Json): MfaFactor[] {
  const list = Array.isArray(data.applicationMfa) ? (data.applicationMfa as unknown[]) : [];
  const factors: MfaFactor[] = [];
  list.forEach((entry, index) => {
    if (!entry || typeof entry !== 'object') return;
    const e = entry as Json;
    const type = e.mfaPolicy as MfaFactorType;
    if (FACTOR_TYPES.indexOf(type) < 0 || e.status === 0 || factors.some((f) => f.type === type)) return;
    factors.push({ type, sort: typeof e.sort === 'number' ? e.sort : index + 1 });
  });
  // TOTP enabled but not listed: offered after the listed factors.
  if (data.totpMfaEnabled === true && !factors.some((f) => f.type === 'OTP')) {
    factors.push({ type: 'OTP', sort: factors.reduce((max, f) => Math.max(max, f.sort), 0) + 1 });
  }
  return factors.sort((a, b) => a.sort - b.sort);
}

/**
 * The MFA challenge in a sign-in error, or null when the error is something else. Tolerant: the
 * code may be in `apiCode` (Authing's iOS V3 SDK, Guard) or `statusCode` (its Flutter V3 SDK).
 */
export function readMfaChallenge(error: ErrorData | null | undefined): MfaChallenge | null {
  if (!error || typeof error !== 'object') return null;
  const code = MFA_CODES.indexOf(error.apiCode as number) >= 0 ? error.apiCode : MFA_CODES.indexOf(error.statusCode as number) >= 0 ? error.statusCode : undefined;
  const data = error.data;
  if (code === undefined || !data || typeof data !== 'object' || !text(data.mfaToken)) return null;
  const factors = readFactors(data);
  return {
    mfaToken: data.mfaToken as string,
    code: code as 1635 | 1636,
    factors,
    recoveryCodeAllowed: factors.some((f) => f.type === 'OTP'),
    phone: text(data.mfaPhone) || text(data.phone),
    phoneCountryCode: text(data.mfaPhoneCountryCode) || text(data.phoneCountryCode),
    email: text(data.mfaEmail) || text(data.email),
    username: text(data.username),
    nickname: text(data.nickname),
    raw: { ...data },
  };
}

export function sendMfaSms(ctx: JourneyContext, data: SendMfaSmsOptions): Promise<Result<SimpleResponseData>> {
  const body = data && typeof data === 'object' ? { ...data, channel: 'CHANNEL_VERIFY_MFA' as const } : data;
  return simple(ctx, checkSendSms(body), '/api/v3/send-sms');
}

/** Email MFA codes go through V2 `/api/v2/email/send` with scene `MFA_VERIFY_CODE`, as Authing's own MFA clients send them. */
export function sendMfaEmail(ctx: JourneyContext, data: SendMfaEmailOptions): Promise<Result<SimpleResponseData>> {
  const input = checkSendEmailCode(data && typeof data === 'object' ? { email: data.email, channel: 'CHANNEL_VERIFY_MFA' } : data);
  return simple(ctx, input.problem ? input : { value: { email: input.value.email, scene: 'MFA_VERIFY_CODE' } }, '/api/v2/email/send');
}

async function simple(ctx: JourneyContext, input: Checked<Json>, path: string): Promise<Result<SimpleResponseData>> {
  const [argErr, body] = checked(ctx, input);
  if (argErr) return fail(argErr);
  const [err, json] = await ctx.call({ method: 'POST', path, userPool: true, data: body!, kind: 'system' });
  if (err) return fail(err);
  const v2Error = v2Failure(json!);
  return v2Error ? fail(v2Error) : ok(json as unknown as SimpleResponseData);
}

/** A V2 answer `{code, message}` whose `code` is not 200 (servers that add no `statusCode`). */
function v2Failure(json: Json): ErrorData | undefined {
  if (typeof json.code !== 'number' || json.code === 200) return undefined;
  const error: ErrorData = { code: 'server', message: text(json.message) || String(json.code), apiCode: json.code };
  if (typeof json.requestId === 'string') error.requestId = json.requestId;
  return error;
}

/** mfaToken + the factor's fields → `{mfaToken, body}`. */
function withToken(data: unknown, body: (d: Json) => Checked<Json>): Checked<{ mfaToken: string; body: Json }> {
  const token = checkToken(data, 'mfaToken');
  if (token.problem) return token;
  const checkedBody = body(data as Json);
  return checkedBody.problem ? checkedBody : { value: { mfaToken: token.value.mfaToken as string, body: checkedBody.value } };
}

const problemOr = (problem: Problem | null, value: () => Json): Checked<Json> => (problem ? { problem } : { value: value() });

async function verify(ctx: JourneyContext, input: Checked<{ mfaToken: string; body: Json }>, path: string): Promise<Result<LoginState>> {
  const [argErr, checkedInput] = checked(ctx, input);
  if (argErr) return fail(argErr);
  const { mfaToken, body } = checkedInput!;
  // V2 answers need no envelope shape ('system'); a `statusCode` error envelope still fails as usual.
  const [err, json] = await ctx.call({ method: 'POST', path, app: true, userPool: true, token: `Bearer ${mfaToken}`, data: body, kind: 'system' });
  if (err) return fail(err);
  const v2Error = v2Failure(json!);
  if (v2Error) return fail(v2Error);
  const data = json!.data;
  const tokens = data && typeof data === 'object' ? mfaLoginState(data as Json) : undefined;
  if (!tokens) return fail(kitError(ctx.lang, 'bad_response', 'badResponse'));
  return ctx.saveTokens(tokens, { method: 'mfa' });
}

export function verifyMfaSms(ctx: JourneyContext, data: VerifyMfaSmsOptions): Promise<Result<LoginState>> {
  return verify(ctx, withToken(data, (d) => {
    const cc = typeof d.phoneCountryCode === 'string' && d.phoneCountryCode.trim() ? d.phoneCountryCode.trim() : undefined;
    return problemOr(validatePhone(d.phone, cc || '+86') || validateSmsCode(d.code), () => {
      const body: Json = { phone: String(d.phone).trim(), code: String(d.code).trim() };
      if (cc) body.phoneCountryCode = cc;
      return body;
    });
  }), '/api/v2/applications/mfa/sms/verify');
}

export function verifyMfaEmail(ctx: JourneyContext, data: VerifyMfaEmailOptions): Promise<Result<LoginState>> {
  return verify(ctx, withToken(data, (d) => problemOr(validateEmail(d.email) || validateSmsCode(d.code),
    () => ({ email: String(d.email).trim(), code: String(d.code).trim() }))), '/api/v2/applications/mfa/email/verify');
}

export function verifyMfaTotp(ctx: JourneyContext, data: VerifyMfaTotpOptions): Promise<Result<LoginState>> {
  return verify(ctx, withToken(data, (d) => problemOr(validateSmsCode(d.totp), () => ({ totp: String(d.totp).trim() }))), '/api/v2/mfa/totp/verify');
}

export function verifyMfaRecoveryCode(ctx: JourneyContext, data: VerifyMfaRecoveryCodeOptions): Promise<Result<LoginState>> {
  return verify(ctx, withToken(data, (d) => problemOr(validateRequired(d.recoveryCode, 'code'), () => ({ recoveryCode: String(d.recoveryCode).trim() }))),
    '/api/v2/mfa/totp/recovery');
}
