// <authing-avatar-uploader>: shows the user's avatar and replaces it.
// Pick: WeChat's `open-type="chooseAvatar"` button (base library >= 2.21.2), else wx.chooseMedia.
// Check (type by magic bytes / extension, size against max-size) BEFORE any upload, then
// client.updateAvatar({filePath, maxSize, onProgress}) uploads and sets `photo`; `change` {url, userInfo}.
// Any failure keeps the old avatar, shows a message and emits `error`.

// updateAvatar lives in the account module: a page with this component ships it, a login page does not.
import '../../core/account';
import { clientOrError } from '../common/client';
import { isLoggedOut } from '../../core/errors';
import { COMMON_PROPERTIES } from '../common/properties';
import { instanceFields } from '../common/runtime';
import { format, mergeTexts } from '../common/texts';
import { probeLocalFile } from '../common/file-probe';
import {
  AVATAR_TEXTS, checkAvatarFile, normalizeMaxSize, progressWorthRendering,
} from '../../core/flows/avatar-uploader';
import type { AvatarProblem, PickedFile } from '../../core/flows/avatar-uploader';
import type { AuthingClient, ErrorData, UserInfo } from '../../core/types';

/** `change` detail: the new avatar URL and the updated profile. */
export interface AvatarChangeDetail { url: string; userInfo?: UserInfo }
/** `load` detail: the profile read on attach / reload(). */
export interface AvatarLoadDetail { url: string; userInfo: UserInfo }
/**
 * `error` detail. stage: 'load' (reading the profile), 'check' (refused before upload),
 * 'upload' (upload or profile update failed). `code` is ErrorData.code, or the check's reason
 * ('not_image' | 'too_large' | 'no_file').
 */
export interface AvatarErrorDetail {
  stage: 'load' | 'check' | 'upload';
  code?: string;
  message: string;
  error: ErrorData;
}

interface Fields {
  /** An upload is in flight: further picks are ignored. */
  busy: boolean;
  /** Last chooseavatar detail (a native event can arrive twice through bubbling). */
  lastDetail: unknown;
  /** attached ran and detached did not: async answers may still render. */
  ready: boolean;
  /** Last rendered upload percentage. */
  progress: number;
}
const fields = instanceFields<Fields>(() => ({ busy: false, lastDetail: undefined, ready: false, progress: 0 }));

const CHECK_CODES: Record<AvatarProblem['key'], string> = { notImage: 'not_image', imageTooLarge: 'too_large', noFile: 'no_file' };

function canUseChooseAvatar(): boolean {
  try {
    return typeof wx !== 'undefined' && typeof wx.canIUse === 'function' && wx.canIUse('button.open-type.chooseAvatar');
  } catch (e) {
    return false;
  }
}

Component({
  options: { multipleSlots: true, styleIsolation: 'apply-shared' },
  externalClasses: ['custom-class', 'avatar-class', 'message-class'],
  properties: {
    ...COMMON_PROPERTIES,
    /** Avatar URL to show; when set, the profile is not loaded on attach. */
    src: { type: String, value: '' },
    /** Largest accepted image in bytes (default 2 MB). */
    maxSize: { type: Number, value: 2 * 1024 * 1024 },
    /** t-avatar size: small | medium | large | a CSS length. */
    size: { type: String, value: '160rpx' },
    /** t-avatar shape: circle | round */
    shape: { type: String, value: 'circle' },
    disabled: { type: Boolean, value: false },
  },
  data: {
    t: AVATAR_TEXTS['zh-CN'] as Record<string, string>,
    url: '',
    useChooseAvatar: true,
    loading: false,
    busy: false,
    progress: 0,
    hint: '',
    message: '',
    tone: 'info',
  },
  observers: {
    'lang, texts'() {
      if (!fields(this).ready) return;
      const t = this.textTable();
      this.setData({ t, hint: this.data.busy ? format(t.uploading, { percent: this.data.progress }) : t.choose });
    },
    src(src: string) {
      if (fields(this).ready && src && !fields(this).busy) this.setData({ url: src });
    },
  },
  lifetimes: {
    attached() {
      const r = fields(this);
      r.ready = true;
      const t = this.textTable();
      const src = this.properties.src;
      this.setData({ t, hint: t.choose, useChooseAvatar: canUseChooseAvatar(), url: src, loading: !src });
      if (!src) this.load();
    },
    detached() {
      fields.drop(this);
    },
  },
  methods: {
    textTable() {
      return mergeTexts(AVATAR_TEXTS, this.properties.lang, this.properties.texts);
    },

    /** Reads the profile and shows its photo. Public: call it after the user logs in. */
    async reload() {
      if (!fields(this).busy) {
        this.setData({ loading: true, message: '' });
        await this.load();
      }
    },

    async load() {
      const t = this.data.t;
      const [clientErr, client] = clientOrError(this.properties, t.notConfigured);
      if (clientErr) {
        this.finishLoadError(clientErr);
        return;
      }
      const [err, user] = await client!.getUserInfo();
      if (!fields(this).ready) return;
      if (err || !user) {
        const e = err || { message: t.loadFailed };
        const message = isLoggedOut(e) ? t.notLoggedIn : format(t.loadFailed, { reason: e.message });
        this.finishLoadError({ ...e, message });
        return;
      }
      const url = user.photo || '';
      // A newer avatar chosen meanwhile wins over the profile read.
      if (fields(this).busy) return;
      this.setData({ loading: false, url });
      this.triggerEvent('load', { url, userInfo: user } as AvatarLoadDetail);
    },

    finishLoadError(error: ErrorData) {
      this.setData({ loading: false, message: error.message, tone: 'error' });
      this.triggerEvent('error', { stage: 'load', code: error.code, message: error.message, error } as AvatarErrorDetail);
    },

    /** `chooseavatar` from the open-type button: detail.avatarUrl is a local temp path. */
    onChooseAvatar(e: WechatMiniprogram.CustomEvent<{ avatarUrl?: string }>) {
      const r = fields(this);
      if (e.detail === r.lastDetail) return; // one native event delivered twice
      r.lastDetail = e.detail;
      if (r.busy || this.properties.disabled) return;
      const path = e.detail && typeof e.detail.avatarUrl === 'string' ? e.detail.avatarUrl : '';
      this.accept({ path });
    },

    /** Fallback picker for base libraries without chooseAvatar. */
    onPickTap() {
      const r = fields(this);
      if (r.busy || this.properties.disabled) return;
      wx.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
        success: (res) => {
          const f = res && res.tempFiles && res.tempFiles[0];
          if (f) this.accept({ path: f.tempFilePath, size: f.size, fileType: f.fileType });
        },
        // A cancelled picker is not an error: nothing changes, nothing is shown.
        fail: () => undefined,
      });
    },

    /** Checks the picked file synchronously; refuses (one render) or starts the upload (one render). */
    accept(file: PickedFile) {
      const r = fields(this);
      if (r.busy) return;
      const maxSize = normalizeMaxSize(this.properties.maxSize);
      const probe = file.path ? probeLocalFile(file.path) : {};
      const picked: PickedFile = {
        path: file.path,
        fileType: file.fileType,
        size: typeof file.size === 'number' ? file.size : probe.size,
        head: probe.head,
      };
      const problem = checkAvatarFile(picked, maxSize);
      const t = this.data.t;
      if (problem) {
        const message = format(t[problem.key], (problem as { params?: Record<string, string> }).params || {});
        this.setData({ message, tone: 'error' });
        const error: ErrorData = { message, code: 'invalid_argument' };
        this.triggerEvent('error', { stage: 'check', code: CHECK_CODES[problem.key], message, error } as AvatarErrorDetail);
        return;
      }
      const [clientErr, client] = clientOrError(this.properties, t.notConfigured);
      if (clientErr) {
        this.setData({ message: clientErr.message, tone: 'error' });
        this.triggerEvent('error', { stage: 'upload', code: clientErr.code, message: clientErr.message, error: clientErr } as AvatarErrorDetail);
        return;
      }
      r.busy = true;
      r.progress = 0;
      this.setData({ busy: true, progress: 0, message: '', hint: format(t.uploading, { percent: 0 }) });
      this.upload(client!, picked.path, maxSize);
    },

    async upload(client: AuthingClient, filePath: string, maxSize: number) {
      const r = fields(this);
      const t = this.data.t;
      const [err, result] = await client.updateAvatar({
        filePath,
        maxSize,
        onProgress: (percent: number) => {
          if (!fields(this).ready || !progressWorthRendering(r.progress, percent)) return;
          r.progress = percent;
          this.setData({ progress: percent, hint: format(t.uploading, { percent }) });
        },
      });
      if (!fields(this).ready) return;
      r.busy = false;
      const url = result && ((result.userInfo && result.userInfo.photo) || (result.data && result.data.url));
      if (err || !result || !url) {
        const e: ErrorData = err || { message: t.uploadFailed, code: 'bad_response' };
        const message = isLoggedOut(e) ? t.notLoggedIn : format(t.uploadFailed, { reason: e.message });
        // The old avatar stays: `url` is not touched.
        this.setData({ busy: false, message, tone: 'error', hint: t.choose });
        this.triggerEvent('error', { stage: 'upload', code: e.code, message, error: e } as AvatarErrorDetail);
        return;
      }
      this.setData({ busy: false, url, progress: 100, message: t.success, tone: 'success', hint: t.choose });
      this.triggerEvent('change', { url, userInfo: result.userInfo } as AvatarChangeDetail);
    },
  },
});
