// Caller objects that travel as JSON (options, customData): copied through JSON once, before any
// request, so what is checked is exactly what goes on the wire.
import type { Problem } from './validate';

/** Serialized size limit of one such object (characters of its JSON). */
export const JSON_ARGUMENT_MAX = 65536;

type Json = Record<string, unknown>;

/** Keys that would change an object's prototype when a server merges the body (`Object.assign`, `_.merge`). */
function dropPrototypeKeys(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}

/**
 * A JSON copy of a plain object, without own `__proto__` keys at any depth; or a Problem when it
 * cannot be serialized (BigInt, a cycle, a throwing toJSON), is not an object, or is too large.
 * The caller's own error text is never kept: it could quote a secret.
 */
export function jsonArgument(value: unknown, name: string): { problem: Problem } | { problem?: undefined; value: Json } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    return { problem: { key: 'invalidParam', params: { name } } };
  }
  if (typeof text !== 'string') return { problem: { key: 'invalidParam', params: { name } } };
  if (text.length > JSON_ARGUMENT_MAX) return { problem: { key: 'tooLong', params: { field: name, max: JSON_ARGUMENT_MAX } } };
  const copy: unknown = JSON.parse(text, dropPrototypeKeys);
  if (!copy || typeof copy !== 'object' || Array.isArray(copy)) return { problem: { key: 'invalidParam', params: { name } } };
  return { value: copy as Json };
}
