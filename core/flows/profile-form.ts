// The field rules of <authing-profile-form> (flow: profile-form-flow.ts): which fields exist and how they
// are edited, what the user changed, and whether the changes are valid. Pure TS.

import { validateBirthdate, validateGender, validateText, validateUsername } from '../validate';
import type { Problem } from '../validate';
import type { Gender, UpdateUserInfo, UserInfo } from '../types';

/** The editable UpdateUserInfo fields (photo belongs to <authing-avatar-uploader>, customData to the app). */
export type ProfileField =
  | 'nickname' | 'name' | 'username' | 'gender' | 'birthdate' | 'country' | 'province' | 'city'
  | 'address' | 'streetAddress' | 'postalCode' | 'company' | 'externalId';

export type FieldKind = 'nickname' | 'text' | 'gender' | 'date';

export interface FieldDef {
  kind: FieldKind;
  /** Longest accepted value (text kinds). */
  max?: number;
}

export const FIELD_DEFS: Readonly<Record<ProfileField, FieldDef>> = {
  nickname: { kind: 'nickname', max: 64 },
  name: { kind: 'text', max: 64 },
  username: { kind: 'text', max: 64 },
  gender: { kind: 'gender' },
  birthdate: { kind: 'date' },
  country: { kind: 'text', max: 64 },
  province: { kind: 'text', max: 64 },
  city: { kind: 'text', max: 64 },
  address: { kind: 'text', max: 255 },
  streetAddress: { kind: 'text', max: 255 },
  postalCode: { kind: 'text', max: 20 },
  company: { kind: 'text', max: 128 },
  externalId: { kind: 'text', max: 128 },
};

export const DEFAULT_FIELDS: readonly ProfileField[] = [
  'nickname', 'name', 'gender', 'birthdate', 'country', 'province', 'city', 'address',
];

function camel(name: string): string {
  return name.trim().replace(/[-_]+([a-zA-Z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The `fields` property: an array or a comma/space separated string, camelCase or kebab-case
 * ('street-address'). Unknown names and duplicates are dropped; nothing usable → the defaults.
 */
export function parseFields(value: unknown): ProfileField[] {
  let names: unknown[] = [];
  if (Array.isArray(value)) names = value;
  else if (typeof value === 'string') names = value.split(/[\s,]+/);
  const out: ProfileField[] = [];
  for (const n of names) {
    if (typeof n !== 'string') continue;
    const key = camel(n) as ProfileField;
    if (Object.prototype.hasOwnProperty.call(FIELD_DEFS, key) && out.indexOf(key) < 0) out.push(key);
  }
  return out.length ? out : DEFAULT_FIELDS.slice();
}

export type FormValues = Record<string, string>;

/** Form values from a profile: every field a string, gender M/F/U (unknown → 'U'). */
export function valuesFromUser(user: Partial<UserInfo> | null | undefined, fields: readonly ProfileField[]): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const raw = user ? user[f] : undefined;
    if (f === 'gender') values[f] = raw === 'M' || raw === 'F' ? raw : 'U';
    else values[f] = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
  }
  return values;
}

function clean(field: ProfileField, value: unknown): string {
  const s = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  return FIELD_DEFS[field].kind === 'gender' ? s : s.trim();
}

export interface ProfileDiff {
  /** What to send to updateUserInfo: only the changed fields, trimmed. */
  changes: UpdateUserInfo;
  /** Their names, in field order. */
  changed: ProfileField[];
}

/** The fields whose (trimmed) value differs from what was loaded. */
export function diffValues(initial: FormValues, current: FormValues, fields: readonly ProfileField[]): ProfileDiff {
  const changes: Record<string, string> = {};
  const changed: ProfileField[] = [];
  for (const f of fields) {
    const before = clean(f, initial[f]);
    const after = clean(f, current[f]);
    if (before !== after) {
      changes[f] = after;
      changed.push(f);
    }
  }
  return { changes: changes as UpdateUserInfo, changed };
}

/** One field's problem, or null. Empty values are fine (every profile field is optional) except a username. */
export function validateField(field: ProfileField, value: unknown, today: number = Date.now()): Problem | null {
  const def = FIELD_DEFS[field];
  if (!def) return null;
  if (def.kind === 'gender') return validateGender(value as Gender);
  if (def.kind === 'date') return validateBirthdate(value, today);
  // Only changed fields are validated: a username may stay empty, but cannot be changed to empty.
  if (field === 'username') return validateUsername(value);
  return validateText(value, field, def.max);
}

/**
 * The given fields' problems, language-neutral (the component words them with its overridable texts);
 * an empty object means valid.
 */
export function validateValues(values: FormValues, fields: readonly ProfileField[], today: number = Date.now()): Record<string, Problem> {
  const errors: Record<string, Problem> = {};
  for (const f of fields) {
    const value = FIELD_DEFS[f].kind === 'gender' ? values[f] : clean(f, values[f]);
    const problem = validateField(f, value, today);
    if (problem) errors[f] = problem;
  }
  return errors;
}

/** 'YYYY-MM-DD' of a ms timestamp in local time (the picker's `end`). */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => (n < 10 ? '0' : '') + n;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
