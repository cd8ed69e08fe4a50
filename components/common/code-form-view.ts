// View-model pieces the login and sign-up forms share: the consent row and prompt (agreements), and the
// code rows (country code picker, resend countdowns, code placeholder). Pure functions of state + texts.
import { agreementItems } from './agreements';
import { secondsLeft } from './countdown-timer';
import { format } from './texts';
import type { TextTable } from './texts';
import { joinAgreementTitles } from '../../core/flows/consent';
import type { ConsentState } from '../../core/flows/consent';
import { COUNTRY_CODES } from '../../core/validate';
import type { Lang } from '../../core/types';

/** The agreement links, the checkbox and the "please accept first" prompt. */
export function consentView<A>(agreements: unknown, t: TextTable, consent: ConsentState<A>) {
  const items = agreementItems(agreements, t);
  const parts = t.consentMessage.split('{agreements}');
  return {
    agreementItems: items,
    consentRequired: consent.required,
    agreed: consent.agreed,
    consentVisible: consent.prompting,
    consentText: items.length ? format(t.consentMessage, { agreements: joinAgreementTitles(items, t.and, t.comma) }) : '',
    // The prompt renders the titles as links between the text around `{agreements}`.
    consentPrefix: parts[0],
    consentSuffix: parts.slice(1).join(''),
  };
}

export interface CodeRowsState {
  countryCode: string;
  countdownEndsAt: number;
  emailCountdownEndsAt: number;
}

/** The phone row's country picker, the send buttons' countdowns and the code inputs' placeholder. */
export function codeRowsView(s: CodeRowsState, t: TextTable, lang: Lang, codeLength: number) {
  const countdown = secondsLeft(s.countdownEndsAt);
  const emailCountdown = secondsLeft(s.emailCountdownEndsAt);
  return {
    countryLabels: COUNTRY_CODES.map((c) => c.label[lang]),
    countryIndex: Math.max(0, COUNTRY_CODES.findIndex((c) => c.code === s.countryCode)),
    countryCode: s.countryCode,
    codeLength,
    codePlaceholder: format(t.codePlaceholder, { length: codeLength }),
    resendLeft: countdown,
    resendText: countdown ? format(t.resendIn, { seconds: countdown }) : '',
    emailResendLeft: emailCountdown,
    emailResendText: emailCountdown ? format(t.resendIn, { seconds: emailCountdown }) : '',
  };
}

/** The country code picked in the phone row's `<picker>` (its `detail.value` is an index), or null. */
export function pickedCountryCode(e: WechatMiniprogram.CustomEvent): string | null {
  const entry = COUNTRY_CODES[Number(e.detail && (e.detail as { value?: unknown }).value)];
  return entry ? entry.code : null;
}
