// Component texts: built-in zh-CN / en-US tables merged with the host's `texts` property, so every
// visible string can be overridden without forking the component.

import { isLang } from '../../core/i18n';
import type { Lang } from '../../core/types';

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
