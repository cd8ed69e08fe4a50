// Flow of <authing-avatar-uploader>: read the profile's photo → pick → check the file → upload → new photo.
// Plain TS, no wx (the host probes the file): unit-tested without a simulator
// (test/core/flows/avatar-uploader-flow.test.js). Any failure keeps the old avatar.
//
// Render contract (as LoginForm): each public call calls `host.onChange` at most once synchronously; a
// request calls it once when it settles. Upload progress calls it as the percentage grows; the
// component's render committer throttles those renders to what a person can see.

import type { AuthingClient, ErrorData, UserInfo } from '../types';
import type { Result } from '../errors';
import { checkAvatarFile, normalizeMaxSize, DEFAULT_MAX_AVATAR_BYTES } from './avatar-uploader';
import type { AvatarProblem, PickedFile } from './avatar-uploader';
import { errorDetail } from './events';
import type { ErrorEventDetail } from './events';
import { isLoggedOut } from '../errors';
import type { Notice, TextLookup } from './notice';

export interface AvatarConfig {
  maxSize: number;
  disabled: boolean;
}

export interface AvatarState {
  url: string;
  /** The profile is being read (no avatar to show yet). */
  loading: boolean;
  /** An upload is in flight: further picks are ignored. */
  busy: boolean;
  /** Upload percentage, 0–100. */
  progress: number;
  notice: Notice | null;
}

/** `change` detail: the new avatar URL and the updated profile. */
export interface AvatarChangeEventDetail { url: string; userInfo?: UserInfo }
/** `load` detail: the profile read on attach / reload(). */
export interface AvatarLoadEventDetail { url: string; userInfo: UserInfo }

export interface AvatarEvents {
  change: AvatarChangeEventDetail;
  load: AvatarLoadEventDetail;
  error: ErrorEventDetail;
}

export interface AvatarHost {
  getClient(): Result<AuthingClient>;
  onChange(state: AvatarState): void;
  emit<K extends keyof AvatarEvents>(name: K, detail: AvatarEvents[K]): void;
  text: TextLookup;
  /** What the platform can tell about a local file before an upload (size, first bytes). */
  probe(path: string): { size?: number; head?: ArrayLike<number> };
}

/** `error` code of a file refused before upload. */
const CHECK_CODES: Record<AvatarProblem['key'], string> = { notImage: 'not_image', imageTooLarge: 'too_large', noFile: 'no_file' };

export class AvatarFlow {
  readonly config: AvatarConfig;
  private s: AvatarState = { url: '', loading: false, busy: false, progress: 0, notice: null };
  /** Bumped by detach(): answers of an older life are dropped. */
  private life = 0;

  constructor(private readonly host: AvatarHost, config: Partial<AvatarConfig> = {}) {
    this.config = { maxSize: DEFAULT_MAX_AVATAR_BYTES, disabled: false, ...config };
  }

  get state(): Readonly<AvatarState> {
    return this.s;
  }

  configure(patch: Partial<AvatarConfig>): void {
    Object.assign(this.config, patch);
  }

  /** The host's `src`: shown as is (no profile read) unless an upload is running. */
  setSrc(src: string): void {
    if (!src || this.s.busy) return;
    this.set({ url: src, loading: false });
  }

  /** Reads the profile and shows its photo (on attach without `src`, and `reload()`). */
  async load(): Promise<void> {
    if (this.s.busy) return;
    const [clientErr, client] = this.host.getClient();
    if (clientErr) return this.fail('load', clientErr);
    const life = this.life;
    this.set({ loading: true, notice: null });
    const [err, user] = await client.getUserInfo();
    // A newer avatar chosen meanwhile wins over the profile read.
    if (life !== this.life || this.s.busy) return undefined;
    if (err || !user) return this.fail('load', this.reworded(err, 'loadFailed'));
    const url = user.photo || '';
    this.set({ loading: false, url });
    this.host.emit('load', { url, userInfo: user });
    return undefined;
  }

  /** A picked file (chooseavatar's temp path, or chooseMedia's file): check, then upload. */
  pick(file: PickedFile): Promise<void> {
    if (this.s.busy || this.config.disabled) return Promise.resolve();
    const probe = file.path ? this.host.probe(file.path) : {};
    const picked: PickedFile = {
      path: file.path,
      fileType: file.fileType,
      size: typeof file.size === 'number' ? file.size : probe.size,
      head: probe.head,
    };
    const maxSize = normalizeMaxSize(this.config.maxSize);
    const problem = checkAvatarFile(picked, maxSize);
    if (problem) {
      const message = this.host.text(problem.key, 'params' in problem ? problem.params : undefined);
      this.fail('check', { message, code: 'invalid_argument' }, CHECK_CODES[problem.key]);
      return Promise.resolve();
    }
    const [clientErr, client] = this.host.getClient();
    if (clientErr) {
      this.fail('upload', clientErr);
      return Promise.resolve();
    }
    this.set({ busy: true, loading: false, progress: 0, notice: null });
    return this.upload(client, picked.path, maxSize);
  }

  /** The component went away: late answers must not render or emit. */
  detach(): void {
    this.life++;
  }

  // ---- internals ----

  private set(patch: Partial<AvatarState>): void {
    this.s = { ...this.s, ...patch };
    this.host.onChange(this.s);
  }

  /** The kit's wording of a failed request: "please log in" for session problems, else `{reason}` in `key` (no answer: no reason). */
  private reworded(err: ErrorData | null, key: 'loadFailed' | 'uploadFailed'): ErrorData {
    if (!err) return { message: this.host.text(key, { reason: '' }), code: 'bad_response' };
    return { ...err, message: isLoggedOut(err) ? this.host.text('notLoggedIn') : this.host.text(key, { reason: err.message }) };
  }

  private fail(action: 'load' | 'check' | 'upload', error: ErrorData, code?: string): void {
    this.set({ busy: false, loading: false, notice: { tone: 'error', error } });
    this.host.emit('error', errorDetail(action, error, code ? { code } : {}));
  }

  private async upload(client: AuthingClient, filePath: string, maxSize: number): Promise<void> {
    const life = this.life;
    const [err, result] = await client.updateAvatar({
      filePath,
      maxSize,
      onProgress: (percent: number) => {
        if (life === this.life && this.s.busy && percent > this.s.progress) this.set({ progress: Math.min(100, percent) });
      },
    });
    if (life !== this.life) return undefined;
    const url = result && ((result.userInfo && result.userInfo.photo) || (result.data && result.data.url));
    // The old avatar stays on failure: `url` is not touched.
    if (err || !result || !url) return this.fail('upload', this.reworded(err, 'uploadFailed'));
    this.set({ busy: false, url, progress: 100, notice: { tone: 'success', key: 'success' } });
    this.host.emit('change', { url, userInfo: result.userInfo });
    return undefined;
  }
}
