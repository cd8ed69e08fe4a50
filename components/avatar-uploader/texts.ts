// Every visible / spoken string of <authing-avatar-uploader>, zh-CN and en-US. The host overrides any of them with the
// `texts` property (same keys).

import type { Lang } from '../../core/types';
import type { TextTable } from '../common/texts';

const zhCN: TextTable = {
  alt: '头像',
  choose: '点击更换头像',
  uploading: '上传中 {percent}%',
  notImage: '请选择图片文件（PNG、JPG、GIF 或 WebP）',
  imageTooLarge: '图片不能超过 {max}，请换一张',
  noFile: '没有获取到图片，请重试',
  uploadFailed: '头像上传失败：{reason}',
  notLoggedIn: '尚未登录，请先登录后再设置头像',
  notConfigured: '组件未配置 Authing 客户端（app-id / user-pool-id 或 setDefaultClient）',
  loadFailed: '读取头像失败：{reason}',
  success: '头像已更新',
};

const enUS: TextTable = {
  alt: 'Avatar',
  choose: 'Tap to change your avatar',
  uploading: 'Uploading {percent}%',
  notImage: 'Please choose an image file (PNG, JPG, GIF or WebP)',
  imageTooLarge: 'The image must not exceed {max}, please choose another one',
  noFile: 'No image was received, please retry',
  uploadFailed: 'Avatar upload failed: {reason}',
  notLoggedIn: 'You are not logged in. Log in to set an avatar.',
  notConfigured: 'No Authing client: set app-id / user-pool-id or call setDefaultClient()',
  loadFailed: 'Could not load your avatar: {reason}',
  success: 'Avatar updated',
};

export const AVATAR_TEXTS: Record<Lang, TextTable> = { 'zh-CN': zhCN, 'en-US': enUS };
