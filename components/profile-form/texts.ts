// Every visible / spoken string of <authing-profile-form>, zh-CN and en-US. The host overrides any of them with the
// `texts` property (same keys). Validation messages come from core/i18n
// (the same wording as the headless client) and are overridable here too.

import type { Lang } from '../../core/types';
import type { TextTable } from '../common/texts';
import { coreMessages } from '../common/texts';

/** core/i18n keys of the form's validation messages and the field names they use. */
const CORE_KEYS = [
  'required', 'tooLong', 'invalidText', 'invalidGender', 'invalidDate', 'futureDate',
  'field_nickname', 'field_name', 'field_username', 'field_birthdate', 'field_country', 'field_province', 'field_city',
  'field_address', 'field_streetAddress', 'field_postalCode', 'field_company', 'field_externalId',
] as const;

const zhCN: TextTable = {
  label_nickname: '昵称',
  label_name: '姓名',
  label_username: '用户名',
  label_gender: '性别',
  label_birthdate: '生日',
  label_country: '国家',
  label_province: '省份',
  label_city: '城市',
  label_address: '地址',
  label_streetAddress: '街道地址',
  label_postalCode: '邮编',
  label_company: '公司',
  label_externalId: '外部 ID',
  placeholder: '请输入{label}',
  nicknamePlaceholder: '请输入昵称或使用微信昵称',
  datePlaceholder: '请选择日期',
  gender_M: '男',
  gender_F: '女',
  gender_U: '保密',
  save: '保存',
  saving: '保存中…',
  saved: '已保存',
  loading: '正在加载资料…',
  noChanges: '没有需要保存的修改',
  invalid: '请先修正标红的内容',
  notLoggedIn: '尚未登录，请先登录后再编辑资料',
  notConfigured: '组件未配置 Authing 客户端（app-id / user-pool-id 或 setDefaultClient）',
  loadFailed: '加载资料失败：{reason}',
  saveFailed: '保存失败：{reason}（你的修改仍保留）',
  retry: '重新加载',
};

const enUS: TextTable = {
  label_nickname: 'Nickname',
  label_name: 'Name',
  label_username: 'Username',
  label_gender: 'Gender',
  label_birthdate: 'Birthday',
  label_country: 'Country',
  label_province: 'Province',
  label_city: 'City',
  label_address: 'Address',
  label_streetAddress: 'Street address',
  label_postalCode: 'Postal code',
  label_company: 'Company',
  label_externalId: 'External ID',
  placeholder: 'Enter your {label}',
  nicknamePlaceholder: 'Enter a nickname or use your WeChat one',
  datePlaceholder: 'Choose a date',
  gender_M: 'Male',
  gender_F: 'Female',
  gender_U: 'Undisclosed',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  loading: 'Loading your profile…',
  noChanges: 'Nothing to save',
  invalid: 'Please fix the highlighted fields',
  notLoggedIn: 'You are not logged in. Log in to edit your profile.',
  notConfigured: 'No Authing client: set app-id / user-pool-id or call setDefaultClient()',
  loadFailed: 'Could not load your profile: {reason}',
  saveFailed: 'Could not save: {reason} (your changes are kept)',
  retry: 'Reload',
};

export const PROFILE_TEXTS: Record<Lang, TextTable> = {
  'zh-CN': { ...coreMessages('zh-CN', CORE_KEYS), ...zhCN },
  'en-US': { ...coreMessages('en-US', CORE_KEYS), ...enUS },
};
