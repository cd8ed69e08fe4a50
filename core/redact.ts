// Third-party error texts (a platform's errMsg, a storage failure) are kept for diagnosis only when
// they quote none of the secrets the failed call carried: a platform that echoes its request must
// not put a password or token into ErrorData.
import type { ErrorData, Lang } from './types';
import { translate } from './i18n';

/** Shorter strings (flags, 'PASSWORD', channel names) are too common to be told apart from prose. */
const SECRET_MIN = 6;

/** Every string of `value` (deeply) long enough to be a secret, with the spellings it travels in. */
function secretStrings(value: unknown, out: string[], depth = 0): string[] {
  if (typeof value === 'string') {
    if (value.length >= SECRET_MIN) {
      out.push(value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1));
      // A form body is one string of k=v pairs: each value is a secret of its own, as sent and decoded.
      if (value.indexOf('=') > 0) {
        for (const pair of value.split('&')) {
          const raw = pair.slice(pair.indexOf('=') + 1);
          secretStrings(raw, out, depth + 1);
          secretStrings(safeDecode(raw), out, depth + 1);
        }
      }
    }
  } else if (value && typeof value === 'object' && depth < 8) {
    for (const k of Object.keys(value)) secretStrings((value as Record<string, unknown>)[k], out, depth + 1);
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch (e) {
    return text;
  }
}

/** True when `text` quotes any secret of `carried`. */
export function quotesSecret(text: string, carried: unknown): boolean {
  if (!text) return false;
  return secretStrings(carried, []).some((secret) => text.indexOf(secret) >= 0);
}

/** `error` without the third-party text when it quotes a secret of `carried`. */
export function withoutSecrets(lang: Lang, error: ErrorData, carried: unknown): ErrorData {
  const texts = [error.errMsg || '', error.message];
  if (!texts.some((t) => quotesSecret(t, carried))) return error;
  const out: ErrorData = { ...error };
  delete out.errMsg;
  if (quotesSecret(out.message, carried)) out.message = translate(lang, out.code === 'timeout' ? 'timeout' : 'network');
  return out;
}
