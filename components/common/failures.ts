// How a component words a failure (the one failure display): transport problems in the kit's own
// (overridable) texts, a failure about a field in the form's own wording when it has one (field-errors.ts),
// else the server's message as the server wrote it.

import type { ErrorData } from '../../core/types';
import { fieldErrorText } from '../../core/flows/field-errors';
import { format } from './texts';
import type { TextTable } from './texts';
import type { TextLookup } from '../../core/flows/notice';

const TRANSPORT_TEXT: Record<string, string> = { network: 'network', timeout: 'timeout', http: 'http', bad_response: 'badResponse', encrypt: 'encrypt' };

/** The text of a failure: the kit's own (overridable) wording for transport problems, else the server's. */
export function errorText(t: TextTable, e: ErrorData | null): string {
  if (!e) return '';
  const key = e.code ? TRANSPORT_TEXT[e.code] : undefined;
  if (key && t[key]) return format(t[key], { status: e.statusCode === undefined ? '' : e.statusCode });
  return e.message;
}

/**
 * A server failure shown on its field: the form's own wording of its apiCode (e.g. `wrongCode`), else errorText.
 * `params` fill placeholders the form's wording has beyond the apiCode's own (e.g. a password policy's `{min}`).
 */
export function fieldFailureText(t: TextTable, e: ErrorData, params: Record<string, string | number> = {}): string {
  const own = fieldErrorText(e);
  return own && t[own.key] ? format(t[own.key], { ...params, ...own.params }) : errorText(t, e);
}

/** A field's inline error as a problem the kit found (a text key) or the server's failure. */
export type FieldErrorLike = { key: string; params?: Record<string, string | number> } | { error: ErrorData };

/**
 * A field's inline error text: a problem the kit found, in the form's texts (`text`), else the server's
 * failure, worded by `failure` (by default fieldFailureText).
 */
export function fieldErrorMessage(
  text: TextLookup, t: TextTable, e: FieldErrorLike | null | undefined,
  failure: (error: ErrorData) => string = (error) => fieldFailureText(t, error),
): string {
  if (!e) return '';
  return 'error' in e ? failure(e.error) : text(e.key, e.params);
}
