// Argument-check building blocks shared by the feature files. Inputs are read, never mutated: every
// body is a fresh object. A check returns a Problem (localized by the client) or the normalised value.
import type { EncryptType } from './types';
import type { Problem } from './validate';
import { validateRequired } from './validate';

export type Checked<T> = { problem: Problem } | { problem?: undefined; value: T };

export type Json = Record<string, unknown>;

export const param = (name: string): { problem: Problem } => ({ problem: { key: 'invalidParam', params: { name } } });

export function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A copy of a plain options object, or undefined; anything else is a Problem. */
export function copyObject(value: unknown, name: string): Checked<Json | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!isObject(value)) return param(name);
  return { value: { ...value } };
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
  return problem ? { problem } : { value: (value as string).trim() };
}

export function checkEncryptType(value: unknown): Checked<EncryptType | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (value === 'none' || value === 'rsa' || value === 'sm2') return { value };
  return { problem: { key: 'invalidEncryptType', params: { type: String(value) } } };
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
