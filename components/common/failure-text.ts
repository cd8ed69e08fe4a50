// The text of a failure as a form shows it: the kit's own (overridable) wording for transport problems
// (network, timeout, HTTP, unreadable answer, encryption), else the server's message.
import type { ErrorData } from '../../core/types';
import { format } from './texts';
import type { TextTable } from './texts';

const BY_CODE: Record<string, string> = { network: 'network', timeout: 'timeout', http: 'http', bad_response: 'badResponse', encrypt: 'encrypt' };

export function failureMessage(t: TextTable, e: ErrorData | null): string {
  if (!e) return '';
  const key = e.code ? BY_CODE[e.code] : undefined;
  if (key && t[key]) return format(t[key], { status: e.statusCode === undefined ? '' : e.statusCode });
  return e.message;
}
