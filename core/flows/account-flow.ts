// Flow of <authing-account>: read the account → show it → one dialog per action (change password, bind /
// change phone, bind / change email, delete the account) → validate (zero requests) → request → re-read;
// logout. Plain TS, no wx: unit-tested without a simulator (test/core/flows/account-flow.test.js).
//
// Render contract (as the other flows): typing never renders (typed values live outside `state`); every
// other public call calls `host.onChange` at most once synchronously; a request calls it once when it
// settles. Typed values survive every failure; passwords and codes are dropped when a dialog closes.

import type { AuthingClient, EncryptType, ErrorData, UserInfo } from '../types';
import type { Result } from '../errors';
import { isLoggedOut } from '../errors';
import { errorDetail } from './events';
import type { ErrorEventDetail, EventAction } from './events';
import type { Notice, TextLookup } from './notice';
import type { FieldError } from './field-errors';
import type { CountdownStore } from './countdown';
import { countdownKey } from './countdown';
import { accountSummary } from './account-summary';
import type { AccountSummary } from './account-summary';
import { checkFields, deleteMethods, dialogFields } from './account-checks';
import type { AccountDialog, AccountField, AccountProblem, DeleteMethod } from './account-checks';
import {
  changeEmail, changePassword, changePhone, codeTarget, dialogAction, failedField, sendCode, verifyDeletion,
} from './account-actions';
import type { CodeTarget } from './account-actions';

export type { AccountDialog, AccountField, DeleteMethod } from './account-checks';

/** An input's error: a problem the kit found (text key of the component) or the server's failure. */
export type AccountFieldError = AccountProblem | FieldError;

export type AccountBusy = 'load' | 'submit' | 'confirm' | 'send-oldCode' | 'send-code' | 'logout';

export interface AccountState {
  busy: AccountBusy | null;
  /** The account could not be read (network, server): a message and a retry. */
  blocked: boolean;
  /** Nobody is logged in (never was, logged out, or the account was deleted): a calm message. */
  signedOut: boolean;
  summary: AccountSummary | null;
  dialog: AccountDialog | null;
  deleteMethod: DeleteMethod;
  /** Deletion: the owner was verified; the final confirmation shows. */
  confirming: boolean;
  errors: Partial<Record<AccountField, AccountFieldError>>;
  /** A failure that is about no input (inside the open dialog), or the outcome of the last action. */
  notice: Notice | null;
  /** Resend countdown end times (ms epoch, 0 = none) of the two code inputs. */
  codeEndsAt: { oldCode: number; code: number };
}

/** `account-change`: a password, phone or email changed; `userInfo` = the profile read afterwards. */
export interface AccountChangeEventDetail {
  action: 'update-password' | 'bind-phone' | 'update-phone' | 'bind-email' | 'update-email';
  userInfo?: UserInfo;
}
/** `account-delete` / `logout`: nothing to carry; the login state is gone. */
export type AccountDeleteEventDetail = Record<string, never>;
export type LogoutEventDetail = Record<string, never>;

export interface AccountEvents {
  'account-change': AccountChangeEventDetail;
  'account-delete': AccountDeleteEventDetail;
  logout: LogoutEventDetail;
  error: ErrorEventDetail;
}

export interface AccountHost {
  getClient(): Result<AuthingClient>;
  onChange(state: AccountState): void;
  emit<K extends keyof AccountEvents>(name: K, detail: AccountEvents[K]): void;
  text: TextLookup;
}

export interface AccountConfig {
  encrypt: EncryptType;
  /** Resend countdown, seconds. */
  countdown: number;
}

const SUCCESS_TEXT: Record<AccountDialog, string> = { password: 'passwordChanged', phone: 'phoneChanged', email: 'emailChanged', delete: 'deleted' };
const NO_CODES = { oldCode: 0, code: 0 };

export class AccountFlow {
  private s: AccountState = {
    busy: null, blocked: false, signedOut: false, summary: null, dialog: null, deleteMethod: 'password', confirming: false, errors: {}, notice: null, codeEndsAt: NO_CODES,
  };
  private typed: Record<string, string> = {};
  /** The verified deletion's single-use token: never in state (never rendered). */
  private deleteToken = '';
  private life = 0;

  constructor(private readonly host: AccountHost, private config: AccountConfig, private readonly countdowns: CountdownStore, private readonly now: () => number = Date.now) {}

  get state(): Readonly<AccountState> {
    return this.s;
  }

  /** What the open dialog's inputs hold (re-sent by the view whenever it renders anyway). */
  get values(): Readonly<Record<string, string>> {
    return this.typed;
  }

  /** The inputs the open dialog shows. */
  get fields(): AccountField[] {
    return this.s.dialog && this.s.summary ? dialogFields(this.s.dialog, this.s.summary, this.s.deleteMethod) : [];
  }

  get deleteMethods(): DeleteMethod[] {
    return this.s.summary ? deleteMethods(this.s.summary) : [];
  }

  setConfig(config: AccountConfig): void {
    this.config = config;
  }

  /** Reads the account (attach, `reload()`, after a login elsewhere). */
  async load(): Promise<void> {
    if (this.s.busy) return undefined;
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.loadFailed(clientErr);
    const life = this.life;
    this.set({ busy: 'load', blocked: false, notice: null });
    const [err, user] = await client.getUserInfo();
    if (life !== this.life) return undefined;
    if (err || !user) return this.loadFailed(err || { code: 'bad_response', message: this.host.text('badResponse') });
    this.set({ busy: null, blocked: false, signedOut: false, summary: accountSummary(user) });
    return undefined;
  }

  open(dialog: AccountDialog): void {
    if (this.s.busy || !this.s.summary) return;
    this.typed = {};
    this.deleteToken = '';
    const method = deleteMethods(this.s.summary)[0] || 'password';
    this.set({ dialog, deleteMethod: method, confirming: false, errors: {}, notice: null, codeEndsAt: this.runningCodes(dialog, method) });
  }

  /** Closes the dialog: what was typed (passwords, codes) is dropped. */
  close(): void {
    if (!this.s.dialog || this.s.busy) return;
    this.typed = {};
    this.deleteToken = '';
    this.set({ dialog: null, confirming: false, errors: {}, notice: null, codeEndsAt: NO_CODES });
  }

  /** Typing: kept aside, no render. */
  input(field: string, value: unknown): void {
    this.typed[field] = value === undefined || value === null ? '' : String(value);
  }

  setDeleteMethod(method: DeleteMethod): void {
    if (this.s.busy || this.s.dialog !== 'delete' || this.deleteMethods.indexOf(method) < 0 || method === this.s.deleteMethod) return;
    this.typed = {};
    this.set({ deleteMethod: method, errors: {}, notice: null, codeEndsAt: this.runningCodes('delete', method) });
  }

  /** Sends the code of `field` (the current contact's, or the new one's). */
  async sendCode(field: 'oldCode' | 'code'): Promise<void> {
    const s = this.s;
    if (s.busy || !s.dialog || !s.summary || s.codeEndsAt[field] > this.now()) return undefined;
    const target = codeTarget(s.dialog, field, s.summary, this.typed, s.deleteMethod);
    if (!target) return undefined;
    // The new phone / email must be right before a code goes to it.
    const about = target.kind === 'sms' ? 'phone' : 'email';
    if (field === 'code' && s.dialog !== 'delete') {
      const problems = checkFields([about], this.typed, s.summary);
      if (problems[about]) return this.refuse('send-code', { ...s.errors, ...problems }, problems);
    }
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.failed('send-code', clientErr);
    const life = this.life;
    const errors = { ...s.errors };
    delete errors[field];
    if (field === 'code') delete errors[about];
    this.set({ busy: field === 'code' ? 'send-code' : 'send-oldCode', errors, notice: null });
    const [err] = await sendCode(client, target);
    if (life !== this.life) return undefined;
    if (err) {
      const on = field === 'code' && failedField(err, [about]) ? about : null;
      return this.failed('send-code', err, on);
    }
    const endsAt = this.countdowns.start(this.codeKey(target), this.config.countdown);
    this.set({ busy: null, codeEndsAt: { ...this.s.codeEndsAt, [field]: endsAt } });
    return undefined;
  }

  /** A countdown ended (display timer): one render. */
  countdownTick(): void {
    const now = this.now();
    const ends = this.s.codeEndsAt;
    this.set({ codeEndsAt: { oldCode: ends.oldCode > now ? ends.oldCode : 0, code: ends.code > now ? ends.code : 0 } });
  }

  /** The dialog's main button: checks the inputs, then runs its request. Deletion stops at the confirmation. */
  async submit(): Promise<void> {
    const s = this.s;
    if (s.busy || !s.dialog || !s.summary || s.confirming) return undefined;
    const dialog = s.dialog;
    const summary = s.summary;
    const action = dialogAction(dialog, summary);
    const fields = this.fields;
    const problems = checkFields(fields, this.typed, summary);
    if (Object.keys(problems).length) return this.refuse(action, problems, problems);
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.failed(action, clientErr);
    const life = this.life;
    this.set({ busy: 'submit', errors: {}, notice: null });
    const values = { ...this.typed };
    if (dialog === 'delete') {
      const [err, token] = await verifyDeletion(client, summary, values, s.deleteMethod, this.config.encrypt);
      if (life !== this.life) return undefined;
      if (err) return this.failed(action, err, failedField(err, fields));
      this.deleteToken = token!;
      this.set({ busy: null, confirming: true });
      return undefined;
    }
    const run = dialog === 'password' ? changePassword(client, summary, values, this.config.encrypt)
      : dialog === 'phone' ? changePhone(client, summary, values) : changeEmail(client, summary, values);
    const [err] = await run;
    if (life !== this.life) return undefined;
    if (err) return this.failed(action, err, failedField(err, fields));
    return this.changed(client, dialog, action as AccountChangeEventDetail['action'], life);
  }

  /** The final confirmation of a verified deletion. */
  async confirmDelete(): Promise<void> {
    if (this.s.busy || !this.s.confirming || !this.deleteToken) return undefined;
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.failed('delete-account', clientErr);
    const life = this.life;
    this.set({ busy: 'confirm', notice: null });
    const [err] = await client.deleteAccount({ deleteAccountToken: this.deleteToken });
    if (life !== this.life) return undefined;
    // A refused token (expired, used) cannot be retried: back to the verification.
    if (err) {
      this.deleteToken = '';
      this.set({ confirming: false });
      return this.failed('delete-account', err);
    }
    this.signOut('deleted');
    this.host.emit('account-delete', {});
    return undefined;
  }

  async logout(): Promise<void> {
    if (this.s.busy || this.s.signedOut) return undefined;
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.failed('logout', clientErr);
    const life = this.life;
    this.set({ busy: 'logout', notice: null });
    const [err] = await client.logout();
    if (life !== this.life) return undefined;
    // The client keeps the login state when the logout failed: say so and stay signed in.
    if (err) return this.failed('logout', err);
    this.signOut('loggedOut');
    this.host.emit('logout', {});
    return undefined;
  }

  /** The component went away: late answers must not render or emit. */
  detach(): void {
    this.life++;
  }

  // ---- internals ----

  private set(patch: Partial<AccountState>): void {
    this.s = { ...this.s, ...patch };
    this.host.onChange(this.s);
  }

  private signOut(key: string): void {
    this.typed = {};
    this.deleteToken = '';
    this.set({ busy: null, signedOut: true, blocked: false, summary: null, dialog: null, confirming: false, errors: {}, notice: { tone: 'info', key }, codeEndsAt: NO_CODES });
  }

  private loadFailed(error: ErrorData): void {
    const out = isLoggedOut(error);
    const shown: ErrorData = out ? error : { ...error, message: this.host.text('loadFailed', { reason: error.message }) };
    this.set({
      busy: null, blocked: !out, signedOut: out, summary: null, dialog: null,
      notice: out ? { tone: 'info', key: 'notLoggedIn' } : { tone: 'error', error: shown },
    });
    this.host.emit('error', errorDetail('load', shown));
  }

  /** Bad input: `errors` on the inputs (one render) and `problems` in an `error` event; nothing was sent. */
  private refuse(action: EventAction, errors: AccountState['errors'], problems: Partial<Record<AccountField, AccountProblem>>): void {
    this.set({ errors, notice: null });
    const fields: Record<string, string> = {};
    for (const [f, p] of Object.entries(problems)) fields[f] = this.host.text(p!.key, p!.params);
    this.host.emit('error', errorDetail(action, { code: 'invalid_argument', message: this.host.text('invalid') }, { fields }));
  }

  /** A failed request: on its input when it is about one, else the dialog's (or page's) message. */
  private failed(action: EventAction, error: ErrorData, field: AccountField | null = null): void {
    // The login is gone (expired, revoked): nothing here works any more.
    if (isLoggedOut(error)) {
      this.signOut('notLoggedIn');
    } else if (field) {
      this.set({ busy: null, errors: { ...this.s.errors, [field]: { error } }, notice: null });
    } else {
      this.set({ busy: null, notice: { tone: 'error', error } });
    }
    this.host.emit('error', errorDetail(action, error));
  }

  /** A change went through: re-read the account for the new summary and the event. */
  private async changed(client: AuthingClient, dialog: AccountDialog, action: AccountChangeEventDetail['action'], life: number): Promise<void> {
    const [err, user] = await client.getUserInfo();
    if (life !== this.life) return undefined;
    this.typed = {};
    const summary = !err && user ? accountSummary(user) : this.s.summary;
    this.set({ busy: null, dialog: null, errors: {}, summary, notice: { tone: 'success', key: SUCCESS_TEXT[dialog] }, codeEndsAt: NO_CODES });
    this.host.emit('account-change', user && !err ? { action, userInfo: user } : { action });
    return undefined;
  }

  private codeKey(target: CodeTarget): string {
    return target.kind === 'sms' ? countdownKey(target.channel, target.countryCode, target.phone) : countdownKey(target.channel, '', target.email);
  }

  /** Countdowns still running for the current contact's code (the dialog was closed and reopened). */
  private runningCodes(dialog: AccountDialog, method: DeleteMethod): { oldCode: number; code: number } {
    const summary = this.s.summary;
    if (!summary) return NO_CODES;
    const field = dialog === 'delete' ? 'code' : 'oldCode';
    // Without a current phone / email the target is '' and no countdown of '' is ever started.
    const target = codeTarget(dialog, field, summary, {}, method);
    if (!target) return NO_CODES;
    const left = this.countdowns.remaining(this.codeKey(target), this.config.countdown);
    return { ...NO_CODES, [field]: left > 0 ? this.now() + left : 0 };
  }
}
