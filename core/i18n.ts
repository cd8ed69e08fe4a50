// The kit's own messages (validation and client-side failures). zh-CN is built in; other languages
// are opt-in modules that register their table when required (`authing-miniapp-kit/i18n/en-US`).
// A language whose table was not registered falls back to zh-CN message by message.
// Server messages are shown as the server wrote them; these cover what the kit detects itself.

import type { Lang } from './types';
import { getMessages } from './registry';

const zhCN = {
  required: '请输入{field}',
  tooLong: '{field}不能超过 {max} 个字符',
  invalidPhone: '请输入正确的手机号',
  invalidCountryCode: '不支持的国家/地区代码',
  invalidEmail: '请输入正确的邮箱地址',
  invalidAccount: '请输入正确的用户名、手机号或邮箱',
  invalidSmsCode: '请输入 {length} 位数字验证码',
  invalidPassword: '密码长度应为 {min}-{max} 位',
  passwordMismatch: '两次输入的密码不一致',
  invalidGender: '性别只能是男、女或未知',
  invalidDate: '请输入正确的日期（YYYY-MM-DD）',
  futureDate: '日期不能晚于今天',
  invalidText: '{field}包含不支持的字符',
  invalidOptions: '初始化参数错误：{detail}',
  notLoggedIn: '尚未登录，请先登录',
  loginExpired: '登录已过期，请重新登录',
  refreshExpired: '登录已过期且无法自动续期，请重新登录',
  network: '网络异常，请检查网络后重试',
  timeout: '请求超时，请稍后重试',
  http: '服务暂时不可用（HTTP {status}），请稍后重试',
  badResponse: '服务返回了无法识别的数据，请稍后重试',
  encrypt: '密码加密失败，请稍后重试',
  loginCode: '获取微信登录凭证失败，请重试',
  cancel: '已取消',
  notImage: '请选择图片文件',
  imageTooLarge: '图片不能超过 {max}',
  uploadFailed: '上传失败，请重试',
  // client options and arguments
  optionRequired: '{name} 不能为空',
  optionInvalid: '{name} 不正确',
  optionInsecureHost: 'host 必须使用 https（仅本机回环地址可用 http）',
  optionIdChars: '{name} 只能包含英文字母、数字和 ASCII 符号（不能有空格、全角或控制字符），最多 {max} 个字符',
  optionPort: 'host 的端口必须在 1–65535 之间',
  optionTimeoutRange: 'timeout 必须在 1 到 {max} 毫秒之间',
  optionNoPlatform: '当前环境没有 wx 对象，请传入 platform（createTaroPlatform / createUniPlatform）',
  invalidParam: '参数 {name} 不正确',
  invalidChannel: '不支持的短信类型：{channel}',
  invalidEncryptType: '不支持的密码加密方式：{type}',
  encryptFunctionMissing: '未加载 {type} 密码加密：请在 app 中引入 {module}（或传入 encryptFunction）',
  moduleMissing: '{method} 需要先引入 {module}',
  publicKeyMissing: '服务器未提供 {type} 公钥，请联系管理员',
  invalidVerifyMethod: '不支持的验证方式：{method}',
  field_account: '账号',
  field_password: '密码',
  field_phone: '手机号',
  field_email: '邮箱',
  field_code: '验证码',
  field_nickname: '昵称',
  field_name: '姓名',
  field_username: '用户名',
  field_birthdate: '生日',
  field_country: '国家',
  field_province: '省份',
  field_city: '城市',
  field_address: '地址',
  field_streetAddress: '街道地址',
  field_postalCode: '邮编',
  field_company: '公司',
  field_externalId: '外部 ID',
  field_photo: '头像',
  field_oldPhone: '原手机号',
  field_oldEmail: '原邮箱',
  field_oldPhoneCode: '原手机号收到的验证码',
  field_oldEmailCode: '原邮箱收到的验证码',
};

export type MessageKey = keyof typeof zhCN;

export const SUPPORTED_LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (SUPPORTED_LANGS as readonly string[]).indexOf(value) >= 0;
}

/** `translate('en-US', 'required', { field: 'phone' })`; `{field}` values that name a field key are translated too. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const table = getMessages(lang);
  const text = (k: string): string | undefined => (table && table[k]) || (zhCN as Record<string, string>)[k];
  return (text(key) || key).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    const field = name === 'field' ? text('field_' + value) : undefined;
    return field || String(value);
  });
}
