// Flow of <authing-profile-form>: load the profile → edit → validate the changed fields → save only them.
// Plain TS, no wx: unit-tested without a simulator (test/core/flows/profile-form-flow.test.js).
//
// Render contract (as LoginForm): typing never renders (typed values live in `values`, outside `state`);
// every other public call calls `host.onChange` at most once synchronously; a request calls it once when
// it settles. Edits survive every failure.

import type { AuthingClient, ErrorData, UpdateUserInfo, UserInfo } from '../types';
import type { Result } from '../errors';
import type { Problem } from '../validate';
import { errorDetail } from './events';
import type { ErrorEventDetail } from './events';
import { isLoggedOut } from '../errors';
import type { Notice, TextLookup } from './notice';
import { diffValues, parseFields, validateValues, valuesFromUser } from './profile-form';
import type { FormValues, ProfileField } from './profile-form';

export interface ProfileState {
  fields: ProfileField[];
  /** The profile is being read. */
  loading: boolean;
  /** The profile could not be read: nothing to edit, only a retry. */
  blocked: boolean;
  saving: boolean;
  /** Field problems of the last save attempt, language-neutral. */
  errors: Record<string, Problem>;
  notice: Notice | null;
}

/** `load` detail. */
export interface ProfileLoadEventDetail { userInfo: UserInfo }
/** `save` detail: the saved profile and the names of the fields that were sent. */
export interface ProfileSaveEventDetail { userInfo: UserInfo; changed: string[] }
/** `change` detail: one field picked by the user (gender, date; not sent yet). */
export interface ProfileChangeEventDetail { field: string; value: string }

export interface ProfileEvents {
  load: ProfileLoadEventDetail;
  save: ProfileSaveEventDetail;
  change: ProfileChangeEventDetail;
  error: ErrorEventDetail;
}

export interface ProfileHost {
  getClient(): Result<AuthingClient>;
  onChange(state: ProfileState): void;
  emit<K extends keyof ProfileEvents>(name: K, detail: ProfileEvents[K]): void;
  /** Readable text of a key; `params.field` names a field (worded by the host). */
  text: TextLookup;
}

export class ProfileFlow {
  private s: ProfileState;
  /** Values as loaded (the diff base). */
  private initial: FormValues = {};
  /** Current values, typed ones included; the view reads them whenever it renders anyway. */
  private current: FormValues = {};
  private loaded = false;
  private disabled = false;
  private life = 0;

  constructor(private readonly host: ProfileHost, fields: unknown = []) {
    this.s = { fields: parseFields(fields), loading: false, blocked: false, saving: false, errors: {}, notice: null };
  }

  get state(): Readonly<ProfileState> {
    return this.s;
  }

  /** What the inputs show: loaded values with the user's edits on top. */
  get values(): Readonly<FormValues> {
    return this.current;
  }

  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** The `fields` property. A field added after load needs its value from the profile: reload. */
  setFields(value: unknown): void {
    const fields = parseFields(value);
    if (fields.join(',') === this.s.fields.join(',')) return;
    const added = fields.some((f) => this.s.fields.indexOf(f) < 0);
    this.s = { ...this.s, fields };
    if (this.loaded && added) this.load();
    else this.set({});
  }

  /** Reads the profile (edits are dropped). */
  async load(): Promise<void> {
    if (this.s.loading || this.s.saving) return undefined;
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.loadFailed(clientErr);
    const life = this.life;
    this.set({ loading: true, blocked: false, errors: {}, notice: null });
    const [err, user] = await client.getUserInfo();
    if (life !== this.life) return undefined;
    if (err || !user) return this.loadFailed(this.reworded(err, 'loadFailed'));
    this.loaded = true;
    this.initial = valuesFromUser(user, this.s.fields);
    this.current = { ...this.initial };
    this.set({ loading: false, blocked: false, errors: {}, notice: null });
    this.host.emit('load', { userInfo: user });
    return undefined;
  }

  /** Typing (every keystroke, and WeChat's nickname picker): kept aside, no render. */
  input(field: string, value: unknown): void {
    if (this.s.fields.indexOf(field as ProfileField) < 0) return;
    this.current[field] = value === undefined || value === null ? '' : String(value);
  }

  /** A tap-made choice (gender, date): one render. */
  pick(field: ProfileField, value: string): void {
    if (this.s.saving || this.disabled) return;
    this.current[field] = value;
    const errors = { ...this.s.errors };
    delete errors[field];
    this.set({ errors });
    this.host.emit('change', { field, value });
  }

  save(): Promise<void> {
    if (this.s.saving || !this.loaded || this.disabled) return Promise.resolve();
    const { changes, changed } = diffValues(this.initial, this.current, this.s.fields);
    if (!changed.length) {
      this.set({ errors: {}, notice: { tone: 'info', key: 'noChanges' } });
      return Promise.resolve();
    }
    const errors = validateValues(this.current, changed);
    if (Object.keys(errors).length) {
      // One display: each problem on its field; `invalid` words the event only.
      this.set({ errors, notice: null });
      const fields: Record<string, string> = {};
      for (const [f, p] of Object.entries(errors)) fields[f] = this.host.text(p.key, p.params);
      const error: ErrorData = { message: this.host.text('invalid'), code: 'invalid_argument' };
      this.host.emit('error', errorDetail('validate', error, { fields }));
      return Promise.resolve();
    }
    const [clientErr, client] = this.host.getClient();
    if (clientErr) {
      this.fail('save', clientErr);
      return Promise.resolve();
    }
    this.set({ saving: true, errors: {}, notice: null });
    return this.send(client, changes, changed);
  }

  /** The component went away: late answers must not render or emit. */
  detach(): void {
    this.life++;
  }

  // ---- internals ----

  private set(patch: Partial<ProfileState>): void {
    this.s = { ...this.s, ...patch };
    this.host.onChange(this.s);
  }

  private reworded(err: ErrorData | null, key: 'loadFailed' | 'saveFailed'): ErrorData {
    if (!err) return { message: this.host.text(key, { reason: '' }), code: 'bad_response' };
    return { ...err, message: isLoggedOut(err) ? this.host.text('notLoggedIn') : this.host.text(key, { reason: err.message }) };
  }

  private loadFailed(error: ErrorData): void {
    this.loaded = false;
    this.set({ loading: false, blocked: true, notice: { tone: 'error', error } });
    this.host.emit('error', errorDetail('load', error));
  }

  private fail(action: 'save', error: ErrorData): void {
    this.set({ saving: false, notice: { tone: 'error', error } });
    this.host.emit('error', errorDetail(action, error));
  }

  private async send(client: AuthingClient, changes: UpdateUserInfo, changed: ProfileField[]): Promise<void> {
    const life = this.life;
    const sent = { ...this.current };
    const [err, user] = await client.updateUserInfo(changes);
    if (life !== this.life) return undefined;
    // Edits stay on failure: `current` is untouched.
    if (err || !user) return this.fail('save', this.reworded(err, 'saveFailed'));
    // Keep anything typed while the request was in flight, on top of the saved profile.
    const typedMeanwhile = diffValues(sent, this.current, this.s.fields).changed;
    const saved = valuesFromUser(user, this.s.fields);
    this.initial = saved;
    const next: FormValues = { ...saved };
    for (const f of typedMeanwhile) next[f] = this.current[f];
    this.current = next;
    this.set({ saving: false, notice: { tone: 'success', key: 'saved' } });
    this.host.emit('save', { userInfo: user, changed: changed.slice() });
    return undefined;
  }
}
