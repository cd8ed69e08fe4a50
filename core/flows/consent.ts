// Agreement consent (用户协议 / 隐私政策) as a small state machine, shared by every component that must
// not act before the user has accepted the agreements:
//   unchecked by default → an action while unchecked is parked and a prompt opens ("请先阅读并同意《…》")
//   → agree: box checked, prompt closed, the parked action is handed back so the caller continues it
//   → dismiss: prompt closed, the parked action is handed back so the caller can report a cancel.
// Plain TS, no wx; the component renders `state` and maps taps to these calls.

export interface Agreement {
  title: string;
  /** A page path (`/pages/...`, opened with navigateTo) or a web URL (reported to the host). */
  url: string;
}

export interface ConsentState<A> {
  /** Agreements exist, so consent is needed. */
  required: boolean;
  agreed: boolean;
  /** The "please accept first" prompt is open. */
  prompting: boolean;
  /** The action that will continue after agree. */
  pending: A | null;
}

/**
 * Accepts `[{title, url}]`, `['《用户协议》', ...]`, a comma string `"用户协议,隐私政策"` or a JSON string of
 * either; drops empty titles and strips 《》 (they are added back when displayed).
 */
export function normalizeAgreements(value: unknown): Agreement[] {
  let list: unknown = value;
  if (typeof list === 'string') {
    const s = list.trim();
    if (s.charAt(0) === '[') {
      try { list = JSON.parse(s); } catch (e) { list = s.split(','); }
    } else {
      list = s ? s.split(',') : [];
    }
  }
  if (!Array.isArray(list)) return [];
  const out: Agreement[] = [];
  for (const item of list) {
    let title = '';
    let url = '';
    if (typeof item === 'string') title = item;
    else if (item && typeof item === 'object') {
      const o = item as { title?: unknown; name?: unknown; url?: unknown; link?: unknown };
      title = typeof o.title === 'string' ? o.title : typeof o.name === 'string' ? o.name : '';
      url = typeof o.url === 'string' ? o.url : typeof o.link === 'string' ? o.link : '';
    }
    title = title.trim().replace(/^《/, '').replace(/》$/, '').trim();
    if (title) out.push({ title, url: url.trim() });
  }
  return out;
}

/** `《A》、《B》和《C》` (zh) / `"A", "B" and "C"`-style list with the given separators. */
export function joinAgreementTitles(agreements: Agreement[], and: string, comma = '、'): string {
  const titles = agreements.map((a) => `《${a.title}》`);
  if (titles.length <= 1) return titles.join('');
  return titles.slice(0, -1).join(comma) + and + titles[titles.length - 1];
}

export class ConsentGate<A> {
  private s: ConsentState<A>;

  constructor(required = false) {
    this.s = { required, agreed: false, prompting: false, pending: null };
  }

  get state(): Readonly<ConsentState<A>> {
    return this.s;
  }

  /** True when an action may run now (no agreements, or already agreed). */
  get satisfied(): boolean {
    return !this.s.required || this.s.agreed;
  }

  /** Agreements appeared or went away. Removing them clears any prompt; adding them keeps `agreed` false. */
  setRequired(required: boolean): void {
    if (required === this.s.required) return;
    this.s = { required, agreed: required ? this.s.agreed : false, prompting: false, pending: null };
  }

  /** The checkbox. Unchecking while a prompt is open keeps the prompt. */
  setAgreed(agreed: boolean): void {
    this.s = { ...this.s, agreed };
  }

  /**
   * Call before running `action`: true → run it now; false → it is parked and the prompt opens.
   * A second gated action while the prompt is open replaces the parked one.
   */
  request(action: A): boolean {
    if (this.satisfied) return true;
    this.s = { ...this.s, prompting: true, pending: action };
    return false;
  }

  /** "Agree" in the prompt: checks the box, closes the prompt, returns the parked action to continue. */
  agree(): A | null {
    const pending = this.s.pending;
    this.s = { ...this.s, agreed: true, prompting: false, pending: null };
    return pending;
  }

  /** "Cancel" in the prompt: closes it, returns the action that will not run. */
  dismiss(): A | null {
    const pending = this.s.pending;
    this.s = { ...this.s, prompting: false, pending: null };
    return pending;
  }
}
