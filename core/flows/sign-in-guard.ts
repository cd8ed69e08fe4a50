// Authing's defences against password guessing, as the login form meets them (wire contract §5):
// "captcha required" (2000) → show the V3 token captcha and send `captchaCode` + `captchaToken` with the
// retry, a fresh image after every failure; "N tries left" (`data.remainCount`); the lock (2057 / 2005,
// `data.retryAfter` / `data.unlockTime`); "too frequent" (HTTP 429). Plain TS, language-neutral: the
// component turns a GuardNotice into its (overridable) texts.
//
// The captcha methods come with the opt-in journey entry; importing it here makes the component bundle
// require `../../journey` (its one copy) rather than inline any of it.
import { captchaImageSrc } from '../journey';
import type { AuthingClient, ErrorData } from '../types';

export const API_CODES = { captchaRequired: 2000, captchaWrong: 2001, locked: [2057, 2005], throttled: 429 } as const;

export type GuardNotice =
  | { kind: 'captcha-required' | 'captcha-wrong'; error: ErrorData }
  | { kind: 'tries-left'; error: ErrorData; remainCount: number }
  /** `unlockAt`: ms epoch on this device's clock, 0 when the server did not say. */
  | { kind: 'locked'; error: ErrorData; unlockAt: number }
  | { kind: 'throttled'; error: ErrorData; retryAfter: number };

export interface SignInGuardState {
  /** The captcha is part of the password form (from "captcha required" until a login succeeds). */
  captcha: boolean;
  /** `<image src>` of the current captcha ('' while none could be loaded). */
  captchaSrc: string;
  captchaLoading: boolean;
  /** What the last failure means, when it is one of the defences. */
  notice: GuardNotice | null;
}

/** Authing puts the code in `apiCode`, some answers only in `statusCode`: accept either. */
function hasCode(error: ErrorData, codes: readonly number[]): boolean {
  return codes.indexOf(error.apiCode as number) >= 0 || codes.indexOf(error.statusCode as number) >= 0;
}

function numberIn(data: Record<string, unknown> | undefined, name: string): number | undefined {
  const raw = data && data[name];
  const n = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
  return typeof n === 'number' && isFinite(n) && n >= 0 ? n : undefined;
}

/** When a lock ends on this device's clock: `retryAfter` (seconds, no clock skew) first, else `unlockTime` (ms, s or a date string). */
function unlockAt(data: Record<string, unknown> | undefined, now: number): number {
  const retryAfter = numberIn(data, 'retryAfter');
  if (retryAfter !== undefined) return now + retryAfter * 1000;
  const raw = data && data.unlockTime;
  const n = numberIn(data, 'unlockTime');
  if (n !== undefined) return n > 1e11 ? n : n * 1000;
  const parsed = typeof raw === 'string' ? Date.parse(raw) : NaN;
  return isNaN(parsed) ? 0 : parsed;
}

/**
 * What a failed password sign-in means. Only sign-in answers are read this way: 2001 is also a wrong SMS
 * code, and a code send's 429 carries the server's own, more precise wording.
 */
export function readGuardNotice(error: ErrorData, now: number): GuardNotice | null {
  if (hasCode(error, [API_CODES.captchaRequired])) return { kind: 'captcha-required', error };
  if (hasCode(error, [API_CODES.captchaWrong])) return { kind: 'captcha-wrong', error };
  if (hasCode(error, API_CODES.locked)) return { kind: 'locked', error, unlockAt: unlockAt(error.data, now) };
  if (hasCode(error, [API_CODES.throttled])) return { kind: 'throttled', error, retryAfter: numberIn(error.data, 'retryAfter') || 0 };
  const remainCount = numberIn(error.data, 'remainCount');
  if (remainCount !== undefined) return { kind: 'tries-left', error, remainCount };
  return null;
}

const pad = (n: number) => (n < 10 ? '0' : '') + n;

/** `HH:mm` today, `MM-DD HH:mm` on another day (the device's time zone). */
export function clockTime(at: number, now: number): string {
  const d = new Date(at);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.toDateString() === new Date(now).toDateString() ? hm : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}

/**
 * A notice in the component's texts (keys `captchaRequired`, `captchaWrong`, `wrongPasswordRemain`, `lockedUntil`,
 * `locked`, `throttledFor`, `throttled`).
 */
export function guardNoticeText(notice: GuardNotice, text: (key: string, params?: Record<string, string | number>) => string, now: number): string {
  switch (notice.kind) {
    case 'captcha-required': return text('captchaRequired');
    case 'captcha-wrong': return text('captchaWrong');
    case 'tries-left': return text('wrongPasswordRemain', { remainCount: notice.remainCount });
    case 'locked':
      return notice.unlockAt > now
        ? text('lockedUntil', { time: clockTime(notice.unlockAt, now), minutes: Math.max(1, Math.ceil((notice.unlockAt - now) / 60000)) })
        : text('locked');
    default: return notice.retryAfter ? text('throttledFor', { seconds: notice.retryAfter }) : text('throttled');
  }
}

/** The captcha part of the password form: its image and token, shown from "captcha required" on. */
export class SignInGuard {
  private token = '';
  private s: SignInGuardState = { captcha: false, captchaSrc: '', captchaLoading: false, notice: null };

  constructor(private readonly getClient: () => AuthingClient | undefined, private readonly now: () => number = Date.now) {}

  get state(): Readonly<SignInGuardState> {
    return this.s;
  }

  /** The sign-in options of the retry: the typed code with the image's token (none while no captcha is shown). */
  options(code: string): { captchaCode?: string; captchaToken?: string } {
    return this.s.captcha && this.token ? { captchaCode: code.trim(), captchaToken: this.token } : {};
  }

  /** Any failure: what it means when it answered a password sign-in (read by the view), else nothing. */
  noted(error: ErrorData, passwordSignIn: boolean): void {
    this.s = { ...this.s, notice: passwordSignIn ? readGuardNotice(error, this.now()) : null };
  }

  /**
   * A failed password sign-in: the captcha appears on "captcha required" and gets a fresh image after
   * every failure (each token is good for one try); a lock hides it (the lock resets the count).
   */
  async passwordFailed(error: ErrorData): Promise<void> {
    this.noted(error, true);
    const kind = this.s.notice && this.s.notice.kind;
    if (kind === 'locked') {
      // The old token stays unsent: options() sends one only while the captcha shows, and refresh() replaces it.
      this.s = { ...this.s, captcha: false, captchaSrc: '' };
      return;
    }
    if (kind === 'captcha-required' || this.s.captcha) await this.refresh();
  }

  /** A new image (the refresh tap, or after a failure). A failed load leaves the field with no image; a tap retries. */
  async refresh(): Promise<void> {
    const client = this.getClient();
    this.token = '';
    this.s = { ...this.s, captcha: true, captchaSrc: '', captchaLoading: true };
    // A failure is [error] alone: no data, no token.
    const data = client && typeof client.getCaptchaCode === 'function' ? (await client.getCaptchaCode())[1] : undefined;
    if (data) this.token = data.captchaToken;
    this.s = { ...this.s, captchaSrc: data ? captchaImageSrc(data.captchaCodeSvg) : '', captchaLoading: false };
  }

  /** Logged in: the defences are done with. */
  succeeded(): void {
    this.s = { captcha: false, captchaSrc: '', captchaLoading: false, notice: null };
  }
}
