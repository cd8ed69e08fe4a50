// Public types of the account-journey methods (sign-up, forgot password, captcha, MFA at login).
// Field names follow Authing's V3 DTOs (SignUpDto, VerifyResetPasswordRequestDto, ResetPasswordDto,
// GetCaptchaCodeDataDto) and the V2 MFA endpoints that Authing's own clients call.
import type { EncryptType, Gender } from '../types';

/** `SignUpProfileDto`: optional profile fields stored with the new account. */
export interface SignUpProfile {
  nickname?: string;
  company?: string;
  photo?: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  middleName?: string;
  profile?: string;
  preferredUsername?: string;
  website?: string;
  gender?: Gender;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  address?: string;
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  /** Needs `options.emailPassCodeForInformationCompletion` (a `CHANNEL_COMPLETE_EMAIL` code). */
  email?: string;
  /** Needs `options.phonePassCodeForInformationCompletion` (a `CHANNEL_COMPLETE_PHONE` code). */
  phone?: string;
  phoneCountryCode?: string;
  customData?: Record<string, unknown>;
}

/** `SignUpOptionsDto`. */
export interface SignUpRequestOptions {
  clientIp?: string;
  phonePassCodeForInformationCompletion?: string;
  emailPassCodeForInformationCompletion?: string;
  /** A password added to a PASSCODE sign-up; encrypted like the password of a PASSWORD sign-up. */
  passwordForPhonePassCode?: string;
  context?: Record<string, unknown>;
  /** `rsa` / `sm2`: the kit encrypts the passwords (needs an encryptor). */
  passwordEncryptType?: EncryptType;
}

/** `SignUpDto`. PASSWORD takes `passwordPayload`; PASSCODE takes `passCodePayload` (a `CHANNEL_REGISTER` code). */
export interface SignUpOptions {
  connection: 'PASSWORD' | 'PASSCODE';
  passwordPayload?: { password: string; username?: string; email?: string };
  passCodePayload?: { passCode: string; phone?: string; email?: string; phoneCountryCode?: string };
  profile?: SignUpProfile;
  options?: SignUpRequestOptions;
}

/** `VerifyResetPasswordRequestDto`: codes from `CHANNEL_RESET_PASSWORD`. */
export interface VerifyResetPasswordRequestOptions {
  verifyMethod: 'PHONE_PASSCODE' | 'EMAIL_PASSCODE';
  phonePassCodePayload?: { phoneNumber: string; passCode: string; phoneCountryCode?: string };
  emailPassCodePayload?: { email: string; passCode: string };
}

export interface VerifyResetPasswordRequestResult {
  /** Single use; pass it to `resetPassword` before it expires. */
  passwordResetToken: string;
  /** Seconds. */
  tokenExpiresIn: number;
}

/** `ResetPasswordDto`. */
export interface ResetPasswordOptions {
  password: string;
  passwordResetToken: string;
  passwordEncryptType?: EncryptType;
}

export interface ResetPasswordResult {
  success: boolean;
}

/** `GetCaptchaCodeDataDto`: send `captchaCode` (what the user read) and `captchaToken` with the next sign-in's `options`. */
export interface CaptchaCode {
  /** The image as SVG text; `captchaImageSrc()` turns it into an `<image src>`. */
  captchaCodeSvg: string;
  captchaToken: string;
}

/** One factor the server offers at the MFA step, in the server's order. */
export type MfaFactorType = 'SMS' | 'EMAIL' | 'OTP';

export interface MfaFactor {
  type: MfaFactorType;
  /** The server's `sort` (lowest first). */
  sort: number;
}

/** What a sign-in's MFA-required answer (apiCode / statusCode 1635 or 1636) tells the client. */
export interface MfaChallenge {
  /** `Authorization: Bearer <mfaToken>` on the verify calls; short-lived. */
  mfaToken: string;
  /** 1636: the application's MFA; 1635: the user's own (TOTP). */
  code: 1635 | 1636;
  factors: MfaFactor[];
  /** Recovery codes stand in for the TOTP code when TOTP is one of the factors. */
  recoveryCodeAllowed: boolean;
  /** The phone / email the codes go to (`mfaPhone` / `mfaEmail`, else `phone` / `email`); null when the server gave none. */
  phone: string | null;
  phoneCountryCode: string | null;
  email: string | null;
  username: string | null;
  nickname: string | null;
  /** The server's `data`, as sent. */
  raw: Record<string, unknown>;
}

export interface SendMfaSmsOptions {
  phoneNumber: string;
  phoneCountryCode?: string;
}

export interface SendMfaEmailOptions {
  email: string;
}

export interface VerifyMfaSmsOptions {
  mfaToken: string;
  phone: string;
  code: string;
  phoneCountryCode?: string;
}

export interface VerifyMfaEmailOptions {
  mfaToken: string;
  email: string;
  code: string;
}

export interface VerifyMfaTotpOptions {
  mfaToken: string;
  totp: string;
}

export interface VerifyMfaRecoveryCodeOptions {
  mfaToken: string;
  recoveryCode: string;
}
