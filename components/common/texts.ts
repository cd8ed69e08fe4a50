// Component texts: built-in zh-CN / en-US tables merged with the host's `texts` property, so every
// visible string can be overridden without forking the component.

import { isLang, translate } from '../../core/i18n';
import type { MessageKey } from '../../core/i18n';
import type { Lang } from '../../core/types';
import type { Notice, TextLookup } from '../../core/flows/notice';

export type TextTable = Record<string, string>;

export function pickLang(value: unknown): Lang {
  return isLang(value) ? value : 'zh-CN';
}

/** Built-in table for `lang`, overlaid with the string entries of `overrides`. */
export function mergeTexts(tables: Record<Lang, TextTable>, lang: unknown, overrides: unknown): TextTable {
  const base = tables[pickLang(lang)];
  const out: TextTable = { ...base };
  if (overrides && typeof overrides === 'object') {
    for (const [k, v] of Object.entries(overrides as Record<string, unknown>)) {
      if (typeof v === 'string' && k in base) out[k] = v;
    }
  }
  return out;
}

/** Replaces `{name}` placeholders. */
export function format(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}

/**
 * The raw core/i18n templates for `keys` (placeholders kept, e.g. `请输入{field}`), so a component can put
 * them in its own text table and let the host override them with `texts` like any other string.
 */
export function coreMessages(lang: Lang, keys: readonly MessageKey[]): TextTable {
  const out: TextTable = {};
  for (const key of keys) {
    // translate() fills `{name}` from params; handing it `{name}` itself gives the template back.
    out[key] = translate(lang, key, placeholderEcho);
  }
  return out;
}

const placeholderEcho: Record<string, string> = new Proxy({}, {
  get: (_t, name) => (typeof name === 'string' ? `{${name}}` : undefined),
}) as Record<string, string>;

/** A flow's notice as the message line shows it: `{ message, tone }` ('' when none). */
export function noticeView(notice: Notice | null, text: TextLookup): { message: string; tone: string } {
  if (!notice) return { message: '', tone: 'info' };
  return { message: 'error' in notice ? notice.error.message : text(notice.key, notice.params), tone: notice.tone };
}
