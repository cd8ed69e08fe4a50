// Types, defaults and property parsers of the <authing-register> flow (core/flows/register-flow.ts).
import type { EncryptType, ErrorData } from '../types';
import type { ConsentState } from './consent';
import type { FieldError } from './field-errors';
import { DEFAULT_CONFIG } from './login-types';
import type { FetchUserInfo, LoginFormConfig } from './login-types';
import { FIELD_DEFS } from './profile-form';
import type { ProfileField } from './profile-form';

/** Sign-up by username or email + password, or by a `CHANNEL_REGISTER` code to a phone or an email. */
export type RegisterMethod = 'password' | 'sms' | 'email';
/** `register`: the main button (sign-up, then the sign-in); `send-code`: the code of the current code tab. */
export type RegisterAction = 'register' | 'send-code';
/** The typed inputs: the tab's own ones, the password twice, and the profile fields the host asked for. */
export type RegisterField = 'account' | 'phone' | 'code' | 'email' | 'emailCode' | 'password' | 'confirm' | SignUpField;

/**
 * Profile fields a sign-up form may ask for (`fields` property): the free-text fields that both
 * SignUpProfileDto and the profile form know, so they are checked the same way as in <authing-profile-form>.
 */
export type SignUpField = Extract<ProfileField, 'nickname' | 'name' | 'company' | 'country' | 'address' | 'streetAddress' | 'postalCode'>;
export const SIGN_UP_FIELDS: readonly SignUpField[] = ['nickname', 'name', 'company', 'country', 'address', 'streetAddress', 'postalCode'];

export const REGISTER_METHODS: readonly RegisterMethod[] = ['password', 'sms', 'email'];
/** The tabs when `methods` names none (email codes need the account module, so they are opt-in as in the login). */
export const DEFAULT_REGISTER_METHODS: readonly RegisterMethod[] = ['password', 'sms'];

function list(value: unknown): string[] {
  const raw: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s|]+/) : [];
  return raw.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
}

/** `methods`: known ones in the given order, deduplicated; none → the defaults. */
export function parseRegisterMethods(value: unknown): RegisterMethod[] {
  const out: RegisterMethod[] = [];
  for (const v of list(value)) {
    const m = v.toLowerCase() as RegisterMethod;
    if (REGISTER_METHODS.indexOf(m) >= 0 && out.indexOf(m) < 0) out.push(m);
  }
  return out.length ? out : DEFAULT_REGISTER_METHODS.slice();
}

/** `fields`: profile fields by camelCase or kebab-case name; unknown ones dropped; none → no profile fields. */
export function parseSignUpFields(value: unknown): SignUpField[] {
  const out: SignUpField[] = [];
  for (const v of list(value)) {
    const f = v.replace(/[-_]+([a-zA-Z])/g, (_, c: string) => c.toUpperCase()) as SignUpField;
    if (SIGN_UP_FIELDS.indexOf(f) >= 0 && out.indexOf(f) < 0) out.push(f);
  }
  return out;
}

/** The input kind of a profile field (WeChat's nickname input for `nickname`). */
export function signUpFieldKind(field: SignUpField): 'nickname' | 'text' {
  return FIELD_DEFS[field].kind === 'nickname' ? 'nickname' : 'text';
}

export interface RegisterConfig {
  methods: RegisterMethod[];
  defaultMethod: RegisterMethod | '';
  encrypt: EncryptType;
  /** OIDC scope of the sign-in after the sign-up ('' = the server's default). */
  scope: string;
  fetchUserInfo: FetchUserInfo;
  countdown: number;
  consentRequired: boolean;
  /** The agreements were accepted before this form showed (the embedding login's checkbox). */
  agreed: boolean;
  fields: SignUpField[];
  codeLength: number;
}

export const DEFAULT_REGISTER_CONFIG: RegisterConfig = {
  methods: DEFAULT_REGISTER_METHODS.slice(),
  defaultMethod: '',
  encrypt: 'none',
  scope: '',
  fetchUserInfo: true,
  countdown: 60,
  consentRequired: false,
  agreed: false,
  fields: [],
  codeLength: 6,
};

/** The login's code channels (core/flows/login-requests.ts) configured for sign-up codes. */
export function registerChannelConfig(countdown: number): LoginFormConfig {
  return { ...DEFAULT_CONFIG, countdown, smsChannel: 'CHANNEL_REGISTER', emailChannel: 'CHANNEL_REGISTER' };
}

export interface RegisterState {
  methods: RegisterMethod[];
  method: RegisterMethod;
  fields: SignUpField[];
  busy: RegisterAction | null;
  /** Problems found before a request (language-neutral) or a server failure about that field. */
  errors: Partial<Record<RegisterField, FieldError | null>>;
  consent: ConsentState<RegisterAction>;
  countryCode: string;
  countdownEndsAt: number;
  emailCountdownEndsAt: number;
  passwordVisible: boolean;
}

export type RegisterNotice =
  | { type: 'error'; error: ErrorData }
  | { type: 'info'; key: 'codeSent' | 'consentCancelled' };
