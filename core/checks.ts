// Argument-check building blocks shared by the feature files. Inputs are read, never mutated: every
// body is a fresh object. A check returns a Problem (localized by the client) or the normalised value.
import type { EncryptType } from './types';
import type { Problem } from './validate';
import { TEXT_MAX, validateRequired } from './validate';
import { jsonArgument } from './json-argument';

export type Checked<T> = { problem: Problem } | { problem?: undefined; value: T };

export type Json = Record<string, unknown>;

export const param = (name: string): { problem: Problem } => ({ problem: { key: 'invalidParam', params: { name } } });
export const tooLong = (field: string, max: number): { problem: Problem } => ({ problem: { key: 'tooLong', params: { field, max } } });

/** A password typed at login (set under any older policy, so no minimum), bounded so a huge paste never leaves the device. */
export const LOGIN_PASSWORD_MAX = 1024;

/** A caller's value as a message shows it: short strings and numbers as they are, anything else by its kind. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 32 ? value.slice(0, 32) + '…' : value;
  if ((typeof value === 'number' && isFinite(value)) || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '<none>' : `<${Array.isArray(value) ? 'array' : typeof value}>`;
}

export function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON copy of a plain options object (see jsonArgument), or undefined; anything else is a Problem. */
export function copyObject(value: unknown, name: string): Checked<Json | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!isObject(value)) return param(name);
  return jsonArgument(value, name);
}

/** undefined, '' → absent; otherwise a trimmed string or a Problem. */
export function optionalTrimmed(value: unknown, name: string): Checked<string | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (typeof value !== 'string') return param(name);
  const trimmed = value.trim();
  return { value: trimmed === '' ? undefined : trimmed };
}

export function requiredString(value: unknown, field: string): Checked<string> {
  const problem = validateRequired(value, field);
  if (problem) return { problem };
  const trimmed = (value as string).trim();
  return trimmed.length > TEXT_MAX ? tooLong(field, TEXT_MAX) : { value: trimmed };
}

export function checkEncryptType(value: unknown): Checked<EncryptType | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (value === 'none' || value === 'rsa' || value === 'sm2') return { value };
  return { problem: { key: 'invalidEncryptType', params: { type: shown(value) } } };
}

export interface UserData {
  encryptedData?: string;
  iv?: string;
}

export function checkUserData(value: unknown, name: string): Checked<UserData | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!isObject(value)) return param(name);
  const enc = optionalTrimmed(value.encryptedData, name + '.encryptedData');
  if (enc.problem) return enc;
  const iv = optionalTrimmed(value.iv, name + '.iv');
  if (iv.problem) return iv;
  // The two travel together; one without the other can never decrypt.
  if ((enc.value === undefined) !== (iv.value === undefined)) return param(name);
  return { value: enc.value === undefined ? undefined : { encryptedData: enc.value, iv: iv.value } };
}
