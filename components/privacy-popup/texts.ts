// Every visible / spoken string of <authing-privacy-popup>, zh-CN and en-US. The host overrides any of them with
// the `texts` property (same keys) — of the popup, or of the kit component that embeds it (it passes its
// `texts` on; the `privacy*` prefix keeps these keys apart from the component's own).

import type { Lang } from '../../core/types';
import type { TextTable } from '../common/texts';

const zhCN: TextTable = {
  privacyTitle: '用户隐私保护提示',
  privacyBody: '使用该功能前，请阅读并同意{contract}。同意后将继续你刚才的操作。',
  privacyContract: '《小程序隐私保护指引》',
  privacyAgree: '同意',
  privacyDisagree: '拒绝',
};

const enUS: TextTable = {
  privacyTitle: 'Privacy notice',
  privacyBody: 'Before you use this feature, please read and accept the {contract}. Accepting continues what you just did.',
  privacyContract: 'privacy guidelines',
  privacyAgree: 'Accept',
  privacyDisagree: 'Decline',
};

export const PRIVACY_POPUP_TEXTS: Record<Lang, TextTable> = { 'zh-CN': zhCN, 'en-US': enUS };
