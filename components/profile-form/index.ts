// <authing-profile-form>: loads the user's profile, edits a configurable set of fields, validates
// them, and saves ONLY the changed ones through updateUserInfo.
// Frugal: typing renders nothing (values live outside `data` until the next render); a tap on
// gender / date / save renders once; a server answer renders once. Edits survive every failure.

import { clientOrError } from '../common/client';
import { isLoggedOut } from '../../core/errors';
import { COMMON_PROPERTIES } from '../common/properties';
import { instanceFields } from '../common/runtime';
import { format, mergeTexts, pickLang } from '../common/texts';
import {
  FIELD_DEFS, PROFILE_TEXTS, diffValues, isoDate, parseFields, validateValues, valuesFromUser,
} from '../../core/flows/profile-form';
import type { FormValues, ProfileField } from '../../core/flows/profile-form';
import type { AuthingClient, ErrorData, UpdateUserInfo, UserInfo } from '../../core/types';

/** `load` detail. */
export interface ProfileLoadDetail { userInfo: UserInfo }
/** `save` detail: the saved profile and the names of the fields that were sent. */
export interface ProfileSaveDetail { userInfo: UserInfo; changed: string[] }
/** `change` detail: one field edited by the user (not sent yet). */
export interface ProfileChangeDetail { field: string; value: string }
/**
 * `error` detail. stage: 'load' | 'validate' | 'save'. code: ErrorData.code ('not_logged_in',
 * 'invalid_argument' for validation, 'server', 'network', ...). `fields` maps field → message
 * for validation failures.
 */
export interface ProfileErrorDetail {
  stage: 'load' | 'validate' | 'save';
  code?: string;
  message: string;
  error: ErrorData;
  fields?: Record<string, string>;
}

interface FieldView { name: ProfileField; kind: string; label: string; placeholder: string }

interface Fields {
  /** attached ran and detached did not: async answers may still render. */
  ready: boolean;
  /** A load or save is in flight. */
  busy: boolean;
  /** The profile was read: saving is possible. */
  loaded: boolean;
  fields: ProfileField[];
  /** Values as loaded (the diff base). */
  initial: FormValues;
  /** Current values, typed ones included; only copied into `data` when something else renders. */
  values: FormValues;
}
const state = instanceFields<Fields>(() => ({ ready: false, busy: false, loaded: false, fields: [], initial: {}, values: {} }));

Component({
  options: { multipleSlots: true, styleIsolation: 'apply-shared' },
  externalClasses: ['custom-class', 'field-class', 'button-class', 'message-class'],
  properties: {
    ...COMMON_PROPERTIES,
    /** Fields to edit, in order: an array or a comma string (default nickname…address). */
    // type null: an Array or a String (exparser turns a string into [] for Array-typed properties)
    fields: { type: null, value: [] },
    disabled: { type: Boolean, value: false },
  },
  data: {
    t: PROFILE_TEXTS['zh-CN'] as Record<string, string>,
    fieldViews: [] as FieldView[],
    genderOptions: [] as Array<{ label: string; value: string }>,
    values: {} as FormValues,
    errors: {} as Record<string, string>,
    today: '',
    loading: true,
    saving: false,
    blocked: false,
    message: '',
    tone: 'info',
  },
  observers: {
    'fields, lang, texts'() {
      const r = state(this);
      if (!r.ready) return;
      const before = r.fields.join(',');
      this.setData(this.viewState());
      // A field added after load needs its value from the profile: reload.
      if (r.loaded && r.fields.join(',') !== before) this.reload();
    },
  },
  lifetimes: {
    attached() {
      state(this).ready = true;
      this.setData({ ...this.viewState(), loading: true });
      this.load();
    },
    detached() {
      state.drop(this);
    },
  },
  methods: {
    viewState() {
      const r = state(this);
      const t = mergeTexts(PROFILE_TEXTS, this.properties.lang, this.properties.texts);
      const lang = pickLang(this.properties.lang);
      r.fields = parseFields(this.properties.fields);
      const fieldViews: FieldView[] = r.fields.map((name) => {
        const label = t['label_' + name] || name;
        const kind = FIELD_DEFS[name].kind;
        return {
          name,
          kind,
          label,
          placeholder: kind === 'nickname' ? t.nicknamePlaceholder : format(t.placeholder, { label: lang === 'en-US' ? label.toLowerCase() : label }),
        };
      });
      return {
        t,
        fieldViews,
        genderOptions: ['M', 'F', 'U'].map((value) => ({ label: t['gender_' + value], value })),
        today: isoDate(Date.now()),
      };
    },

    /** Re-reads the profile (edits are dropped). Public: call it after the user logs in. */
    async reload() {
      if (state(this).busy) return;
      this.setData({ loading: true, blocked: false, message: '', errors: {} });
      await this.load();
    },

    async load() {
      const r = state(this);
      const t = this.data.t;
      const [clientErr, client] = clientOrError(this.properties, t.notConfigured);
      if (clientErr) {
        this.loadFailed(clientErr);
        return;
      }
      r.busy = true;
      const [err, user] = await client!.getUserInfo();
      r.busy = false;
      if (!state(this).ready) return;
      if (err || !user) {
        const e = err || { message: t.loadFailed, code: 'bad_response' as const };
        this.loadFailed({ ...e, message: isLoggedOut(e) ? t.notLoggedIn : format(t.loadFailed, { reason: e.message }) });
        return;
      }
      r.loaded = true;
      r.initial = valuesFromUser(user, r.fields);
      r.values = { ...r.initial };
      this.setData({ loading: false, blocked: false, values: { ...r.values }, errors: {}, message: '' });
      this.triggerEvent('load', { userInfo: user } as ProfileLoadDetail);
    },

    loadFailed(error: ErrorData) {
      state(this).loaded = false;
      this.setData({ loading: false, blocked: true, message: error.message, tone: 'error' });
      this.triggerEvent('error', { stage: 'load', code: error.code, message: error.message, error } as ProfileErrorDetail);
    },

    /** t-input change (every keystroke, and the nickname picker): kept aside, no render. */
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      if (!field) return;
      const value = e.detail && e.detail.value !== undefined && e.detail.value !== null ? String(e.detail.value) : '';
      state(this).values[field] = value;
    },

    onGenderChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.pick('gender', e.detail && e.detail.value ? String(e.detail.value) : 'U');
    },

    /** Native date picker: detail.value is 'YYYY-MM-DD'. */
    onDateChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.pick('birthdate', e.detail && e.detail.value ? String(e.detail.value) : '');
    },

    /** A tap-made choice: one render, which also carries the typed values so inputs stay as typed. */
    pick(field: ProfileField, value: string) {
      const r = state(this);
      if (r.busy || this.properties.disabled) return;
      r.values[field] = value;
      const errors = { ...this.data.errors };
      delete errors[field];
      this.setData({ values: { ...r.values }, errors });
      this.triggerEvent('change', { field, value } as ProfileChangeDetail);
    },

    onSave() {
      const r = state(this);
      const t = this.data.t;
      if (r.busy || !r.loaded || this.properties.disabled) return;
      const lang = pickLang(this.properties.lang);
      const { changes, changed } = diffValues(r.initial, r.values, r.fields);
      if (!changed.length) {
        this.setData({ values: { ...r.values }, errors: {}, message: t.noChanges, tone: 'info' });
        return;
      }
      const errors = validateValues(r.values, changed, lang);
      if (Object.keys(errors).length) {
        this.setData({ values: { ...r.values }, errors, message: t.invalid, tone: 'error' });
        const error: ErrorData = { message: t.invalid, code: 'invalid_argument' };
        this.triggerEvent('error', { stage: 'validate', code: error.code, message: t.invalid, error, fields: errors } as ProfileErrorDetail);
        return;
      }
      const [clientErr, client] = clientOrError(this.properties, t.notConfigured);
      if (clientErr) {
        this.setData({ values: { ...r.values }, message: clientErr.message, tone: 'error' });
        this.triggerEvent('error', { stage: 'save', code: clientErr.code, message: clientErr.message, error: clientErr } as ProfileErrorDetail);
        return;
      }
      r.busy = true;
      this.setData({ saving: true, values: { ...r.values }, errors: {}, message: '' });
      this.save(client!, changes, changed);
    },

    async save(client: AuthingClient, changes: UpdateUserInfo, changed: ProfileField[]) {
      const r = state(this);
      const t = this.data.t;
      const [err, user] = await client.updateUserInfo(changes);
      r.busy = false;
      if (!state(this).ready) return;
      if (err || !user) {
        const e: ErrorData = err || { message: t.saveFailed, code: 'bad_response' };
        const message = isLoggedOut(e) ? t.notLoggedIn : format(t.saveFailed, { reason: e.message });
        // Edits stay: r.values and the rendered values are untouched.
        this.setData({ saving: false, message, tone: 'error' });
        this.triggerEvent('error', { stage: 'save', code: e.code, message, error: e } as ProfileErrorDetail);
        return;
      }
      // Keep anything typed while the request was in flight, on top of the saved profile.
      const saved = valuesFromUser(user, r.fields);
      const typedMeanwhile = diffValues(this.data.values, r.values, r.fields).changed;
      r.initial = saved;
      const next: FormValues = { ...saved };
      for (const f of typedMeanwhile) next[f] = r.values[f];
      r.values = next;
      this.setData({ saving: false, values: { ...next }, message: t.saved, tone: 'success' });
      this.triggerEvent('save', { userInfo: user, changed: changed.slice() } as ProfileSaveDetail);
    },
  },
});
