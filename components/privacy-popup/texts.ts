// Every visible / spoken string of <authing-privacy-popup>, zh-CN and en-US. The host overrides any of them with
// the `texts` property (same keys).

import type { Lang } from '../../core/types';
import type { TextTable } from '../common/texts';

const zhCN: TextTable = {
  title: '用户隐私保护提示',
  body: '使用该功能前，请阅读并同意{contract}。同意后将继续你刚才的操作。',
  contract: '《小程序隐私保护指引》',
  agree: '同意',
  disagree: '拒绝',
};

const enUS: TextTable = {
  title: 'Privacy notice',
  body: 'Before you use this feature, please read and accept the {contract}. Accepting continues what you just did.',
  contract: 'privacy guidelines',
  agree: 'Accept',
  disagree: 'Decline',
};

export const PRIVACY_POPUP_TEXTS: Record<Lang, TextTable> = { 'zh-CN': zhCN, 'en-US': enUS };
