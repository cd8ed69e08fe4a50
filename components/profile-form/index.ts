// <authing-profile-form>: loads the user's profile, edits a configurable set of fields, validates them and
// saves ONLY the changed ones. A thin view over ProfileFlow (core/flows/profile-form-flow.ts) through the
// kit wrapper: typing renders nothing; a pick, a save or a server answer renders once.

import { kitComponent } from '../common/kit-component';
import { format, noticeView } from '../common/texts';
import { SPEC } from './spec';
import { PROFILE_TEXTS } from './texts';
import { ProfileFlow } from '../../core/flows/profile-form-flow';
import { FIELD_DEFS, isoDate } from '../../core/flows/profile-form';
import type { ProfileField } from '../../core/flows/profile-form';

export type { ProfileFormProperties, ProfileFormEvents } from './api';
export type {
  LoginEventDetail, ErrorEventDetail, CancelEventDetail, AgreementTapEventDetail, AgreementChangeEventDetail, EventMethod, EventAction, CancelReason,
} from '../common/event-types';

type ValueEvent = WechatMiniprogram.CustomEvent<{ value?: unknown }, Record<string, never>, { field?: string }>;
const valueOf = (e: ValueEvent): string => (e.detail && e.detail.value !== undefined && e.detail.value !== null ? String(e.detail.value) : '');

kitComponent<typeof SPEC, ProfileFlow>({
  spec: SPEC,
  texts: PROFILE_TEXTS,
  create(ctx) {
    const flow = new ProfileFlow({
      getClient: () => ctx.client(),
      onChange: () => ctx.render(),
      emit: (name, detail) => ctx.emit(name, detail),
      text: ctx.text,
    }, ctx.props.fields);
    flow.setDisabled(!!ctx.props.disabled);
    return flow;
  },
  attached: (ctx) => ctx.flow.load(),
  detached: (ctx) => ctx.flow.detach(),
  pending: (flow) => flow.state.loading || flow.state.saving,
  observers: {
    fields: (ctx) => ctx.flow.setFields(ctx.props.fields),
    disabled: (ctx) => ctx.flow.setDisabled(!!ctx.props.disabled),
  },
  view(ctx, t) {
    const s = ctx.flow.state;
    const lower = ctx.lang() === 'en-US';
    const errors: Record<string, string> = {};
    for (const [f, p] of Object.entries(s.errors)) errors[f] = ctx.text(p.key, p.params);
    return {
      t,
      fieldViews: s.fields.map((name) => {
        const label = t['label_' + name] || name;
        const kind = FIELD_DEFS[name].kind;
        const placeholder = kind === 'nickname' ? t.nicknamePlaceholder : format(t.placeholder, { label: lower ? label.toLowerCase() : label });
        return { name, kind, label, placeholder };
      }),
      genderOptions: ['M', 'F', 'U'].map((value) => ({ label: t['gender_' + value], value })),
      today: isoDate(Date.now()),
      // What the user typed, re-sent only when something else renders anyway (typing itself never renders).
      values: { ...ctx.flow.values },
      errors,
      loading: s.loading,
      saving: s.saving,
      blocked: s.blocked,
      ...noticeView(s.notice, ctx.text),
    };
  },
  handlers: {
    /** Re-reads the profile (edits are dropped). Public: call it after the user logs in. */
    reload: (ctx) => ctx.flow.load(),
    /** t-input change (every keystroke, and the nickname picker): kept aside, no render. */
    onInput: (ctx, e) => ctx.flow.input((e as unknown as ValueEvent).currentTarget.dataset.field || '', valueOf(e as unknown as ValueEvent)),
    onGenderChange: (ctx, e) => ctx.flow.pick('gender', valueOf(e as unknown as ValueEvent) || 'U'),
    /** Native date picker: detail.value is 'YYYY-MM-DD'. */
    onDateChange: (ctx, e) => ctx.flow.pick('birthdate' as ProfileField, valueOf(e as unknown as ValueEvent)),
    onSave: (ctx) => ctx.flow.save(),
  },
});
