// <authing-avatar-uploader>: shows the user's avatar and replaces it. A thin view over AvatarFlow
// (core/flows/avatar-uploader-flow.ts) through the kit wrapper.
// Pick: WeChat's `open-type="chooseAvatar"` button (base library >= 2.21.2), else wx.chooseMedia. The file
// is checked (type by magic bytes / extension, size) BEFORE any upload; upload progress renders are
// throttled by the wrapper's render scheduler.

// updateAvatar lives in the account module: a page with this component ships it, a login page does not.
import '../../core/account';
import { kitComponent } from '../common/kit-component';
import { probeLocalFile } from '../common/file-probe';
import { noticeView } from '../common/texts';
import { SPEC } from './spec';
import { AVATAR_TEXTS } from './texts';
import { AvatarFlow } from '../../core/flows/avatar-uploader-flow';

export type { AvatarUploaderProperties, AvatarUploaderEvents } from './api';
export type {
  LoginEventDetail, ErrorEventDetail, CancelEventDetail, AgreementTapEventDetail, AgreementChangeEventDetail, EventMethod, EventAction, CancelReason,
} from '../common/event-types';

function canUseChooseAvatar(): boolean {
  try {
    return typeof wx !== 'undefined' && typeof wx.canIUse === 'function' && wx.canIUse('button.open-type.chooseAvatar');
  } catch (e) {
    return false;
  }
}

kitComponent<typeof SPEC, AvatarFlow>({
  spec: SPEC,
  texts: AVATAR_TEXTS,
  create: (ctx) => new AvatarFlow({
    getClient: () => ctx.client(),
    onChange: () => ctx.render(),
    emit: (name, detail) => ctx.emit(name, detail),
    text: ctx.text,
    probe: (path) => probeLocalFile(path),
  }, { maxSize: ctx.props.maxSize, disabled: !!ctx.props.disabled }),
  attached(ctx) {
    if (ctx.props.src) ctx.flow.setSrc(ctx.props.src);
    else ctx.flow.load();
  },
  detached: (ctx) => ctx.flow.detach(),
  pending: (flow) => flow.state.busy || flow.state.loading,
  observers: {
    'maxSize, disabled'(ctx) {
      ctx.flow.configure({ maxSize: ctx.props.maxSize, disabled: !!ctx.props.disabled });
    },
    src(ctx) {
      ctx.flow.setSrc(ctx.props.src);
    },
  },
  view(ctx, t) {
    const s = ctx.flow.state;
    return {
      t,
      url: s.url,
      useChooseAvatar: canUseChooseAvatar(),
      loading: s.loading,
      busy: s.busy,
      progress: s.progress,
      hint: s.busy ? ctx.text('uploading', { percent: s.progress }) : t.choose,
      ...noticeView(s.notice, ctx.text),
    };
  },
  handlers: {
    /** Reads the profile and shows its photo. Public: call it after the user logs in. */
    reload: (ctx) => ctx.flow.load(),
    /** `chooseavatar` from the open-type button: detail.avatarUrl is a local temp path. */
    onChooseAvatar(ctx, e) {
      if (!ctx.fresh(e.detail)) return undefined;
      const d = e.detail as { avatarUrl?: unknown };
      return ctx.flow.pick({ path: d && typeof d.avatarUrl === 'string' ? d.avatarUrl : '' });
    },
    /** Fallback picker for base libraries without chooseAvatar. */
    onPickTap(ctx) {
      if (ctx.flow.state.busy || ctx.props.disabled) return;
      wx.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
        success: (res) => {
          const f = res && res.tempFiles && res.tempFiles[0];
          if (f) ctx.instance.onPicked({ path: f.tempFilePath, size: f.size, fileType: f.fileType });
        },
        // A cancelled picker is not an error: nothing changes, nothing is shown.
        fail: () => undefined,
      });
    },
    /** The picker's answer, as its own action (one render). */
    onPicked: (ctx, file) => ctx.flow.pick(file as unknown as { path: string; size?: number; fileType?: string }),
  },
});
