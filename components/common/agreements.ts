// The agreements as every component shows them (components/common/agreements.wxml) and the one
// `agreement-tap` behaviour: report the tap, open page paths with wx.navigateTo.

import { normalizeAgreements } from '../../core/flows/consent';
import type { Agreement } from '../../core/flows/consent';
import type { AgreementTapEventDetail } from '../../core/flows/events';
import type { TextTable } from './texts';

export interface AgreementItem extends Agreement {
  /** Separator before this title ('' for the first): `comma`, or `and` before the last. */
  sep: string;
  /** The title as shown: the `agreementQuote` text (zh-CN `《{title}》`, en-US the bare title). */
  label: string;
}

/** The `agreements` property as link items; `and` / `comma` / `agreementQuote` come from the texts. */
export function agreementItems(value: unknown, t: TextTable): AgreementItem[] {
  const list = normalizeAgreements(value);
  const quote = t.agreementQuote || '《{title}》';
  return list.map((a, i) => ({
    ...a,
    sep: i === 0 ? '' : i === list.length - 1 ? t.and : t.comma,
    label: quote.replace('{title}', a.title),
  }));
}

/** The tapped link (`data-index`) as the `agreement-tap` detail; a page path is opened too. */
export function agreementTap(value: unknown, e: WechatMiniprogram.BaseEvent): AgreementTapEventDetail | null {
  const index = Number(e.currentTarget && e.currentTarget.dataset && e.currentTarget.dataset.index);
  const agreement = normalizeAgreements(value)[index];
  if (!agreement) return null;
  if (agreement.url.charAt(0) === '/' && typeof wx !== 'undefined' && typeof wx.navigateTo === 'function') {
    wx.navigateTo({ url: agreement.url, fail: () => undefined });
  }
  return { index, title: agreement.title, url: agreement.url };
}
