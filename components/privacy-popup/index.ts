// <authing-privacy-popup>: answers WeChat's privacy authorization (wx.onNeedPrivacyAuthorization) with a
// TDesign dialog: a link to the privacy guidelines (wx.openPrivacyContract) and an
// open-type="agreePrivacyAuthorization" button. Agreeing lets the waiting action continue (WeChat resumes it);
// declining makes it fail quietly. The kit's phone button, login, avatar uploader and profile form embed one,
// so a page with any of them needs nothing more; one app-wide listener routes each request to the popup of
// the page on screen (core/flows/privacy-registry.ts). A thin view over PrivacyFlow.

import { kitComponent } from '../common/kit-component';
import { SPEC } from './spec';
import { PRIVACY_POPUP_TEXTS } from './texts';
import { PrivacyFlow } from '../../core/flows/privacy-flow';
import { privacyContractName, raisePrivacyTarget, removePrivacyTarget } from '../../core/flows/privacy-registry';
import type { PrivacyApi } from '../../core/flows/privacy-registry';

export type { PrivacyPopupProperties, PrivacyPopupEvents } from './api';
export type { PrivacyEventDetail } from '../common/event-types';

/** The native agree button's id (its t-id in index.wxml): WeChat checks resolve({ buttonId }) against the tapped button. */
const AGREE_BUTTON_ID = 'authing-privacy-agree-button';

const privacyApi = (): PrivacyApi => (typeof wx !== 'undefined' ? wx as unknown as PrivacyApi : {});

kitComponent<typeof SPEC, PrivacyFlow>({
  spec: SPEC,
  texts: PRIVACY_POPUP_TEXTS,
  create: (ctx) => new PrivacyFlow({
    onChange: () => ctx.render(),
    // Bubbles out of the kit component that embeds the popup: `bind:privacy` works on any of them.
    emit: (name, detail) => ctx.instance.triggerEvent(name, detail, { bubbles: true, composed: true }),
  }),
  attached(ctx) {
    raisePrivacyTarget(privacyApi(), ctx.flow);
    privacyContractName(privacyApi(), (name) => ctx.flow.setContractName(name));
  },
  detached: (ctx) => removePrivacyTarget(ctx.flow, ctx.flow.release()),
  pageShow: (ctx) => raisePrivacyTarget(privacyApi(), ctx.flow),
  pending: () => false,
  view(ctx, t) {
    const s = ctx.flow.state;
    const contract = s.contractName || t.privacyContract;
    const body = t.privacyBody.split('{contract}');
    return {
      t,
      open: s.open,
      contract,
      bodyPrefix: body[0],
      bodySuffix: body.slice(1).join(''),
      bodyText: ctx.text('privacyBody', { contract }),
    };
  },
  handlers: {
    onAgree: (ctx, e) => (ctx.fresh(e.detail) ? ctx.flow.agree(AGREE_BUTTON_ID) : undefined),
    onDisagree: (ctx) => ctx.flow.disagree(),
    onOpenContract() {
      const api = privacyApi();
      if (typeof api.openPrivacyContract === 'function') api.openPrivacyContract({ fail: () => undefined });
    },
  },
});
