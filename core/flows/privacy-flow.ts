// Flow of <authing-privacy-popup>: WeChat's privacy authorization (required since 2023-10-17). Plain TS,
// no wx: the registry (privacy-registry.ts) hands it WeChat's requests, the component renders `state` and
// maps the two buttons to agree() / disagree() (test/core/flows/privacy-flow.test.js).
//
// How WeChat resumes (wx.onNeedPrivacyAuthorization docs): while the listener's request is open, the privacy
// API or component that triggered it (button.getPhoneNumber, chooseAvatar, a nickname input…) is PENDING.
//   resolve({ buttonId, event: 'agree' }) — only after the bindagreeprivacyauthorization of the
//     `<button open-type="agreePrivacyAuthorization" id="buttonId">` (WeChat checks that button was tapped)
//     → the pending API simply continues: the phone dialog opens, the avatar chooser opens…
//   resolve({ event: 'disagree' }) → the pending API fails with `<api>:fail privacy permission is not
//     authorized` (errno 104); the component that called it treats that as a calm cancel, never retries.
//   resolve({ event: 'exposureAuthorization' }) before either: tells WeChat the popup was shown.
// Several APIs may be pending at once (one answer settles them all).

/** What the listener's `resolve` accepts. */
export interface PrivacyAnswer {
  event: 'agree' | 'disagree' | 'exposureAuthorization';
  buttonId?: string;
}
export type PrivacyResolve = (answer: PrivacyAnswer) => void;

/** `privacy` event detail: the user answered the popup. */
export interface PrivacyEventDetail { agreed: boolean }

export interface PrivacyState {
  open: boolean;
  /** The API or component waiting for the answer (eventInfo.referrer, e.g. "button.getPhoneNumber"). */
  referrer: string;
  /** The guidelines' name from wx.getPrivacySetting ('' → the component's default text). */
  contractName: string;
}

export interface PrivacyHost {
  onChange(state: PrivacyState): void;
  emit(name: 'privacy', detail: PrivacyEventDetail): void;
}

export class PrivacyFlow {
  private s: PrivacyState = { open: false, referrer: '', contractName: '' };
  private waiting: PrivacyResolve[] = [];

  constructor(private readonly host: PrivacyHost) {}

  get state(): Readonly<PrivacyState> {
    return this.s;
  }

  /** WeChat asks (one listener call): show the popup; a request while open joins the one answer. */
  request(resolve: PrivacyResolve, referrer = ''): void {
    this.waiting.push(resolve);
    if (this.s.open) return;
    this.set({ open: true, referrer });
    resolve({ event: 'exposureAuthorization' });
  }

  setContractName(name: string): void {
    if (name !== this.s.contractName) this.set({ contractName: name });
  }

  /** bindagreeprivacyauthorization of the agree button `buttonId`: the pending APIs continue. */
  agree(buttonId: string): void {
    if (!this.s.open) return;
    this.answer({ event: 'agree', buttonId });
    this.host.emit('privacy', { agreed: true });
  }

  /** The decline button (or the overlay): the pending APIs fail quietly; nothing is retried. */
  disagree(): void {
    if (!this.s.open) return;
    this.answer({ event: 'disagree' });
    this.host.emit('privacy', { agreed: false });
  }

  /** The popup goes away with a request open (page closed): hands the waiting answers back. */
  release(): PrivacyResolve[] {
    const waiting = this.waiting;
    this.waiting = [];
    this.s = { ...this.s, open: false, referrer: '' };
    return waiting;
  }

  private answer(answer: PrivacyAnswer): void {
    const waiting = this.release();
    this.host.onChange(this.s);
    for (const resolve of waiting) resolve(answer);
  }

  private set(patch: Partial<PrivacyState>): void {
    this.s = { ...this.s, ...patch };
    this.host.onChange(this.s);
  }
}
