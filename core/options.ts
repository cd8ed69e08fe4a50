// Constructor option checks: the only place the client throws, with a localized message.
import type { AuthingOptions, EncryptFunction, Lang } from './types';
import type { Platform } from './platform/types';
import { isLang, translate } from './i18n';
import { createWechatPlatform } from './platform/wechat';
import { MAX_TIMER_MS } from './deadline';

export const DEFAULT_HOST = 'https://core.authing.cn';
export const DEFAULT_TIMEOUT = 10000;

export interface ResolvedOptions {
  appId: string;
  userPoolId: string;
  host: string;
  timeout: number;
  lang: Lang;
  encryptFunction?: EncryptFunction;
  platform: Platform;
}

/** appId / userPoolId: at most this many visible ASCII characters. */
export const ID_MAX = 128;
const ID_PATTERN = new RegExp(`^[\\x21-\\x7E]{1,${ID_MAX}}$`);

const PLATFORM_METHODS: Array<keyof Platform> = ['request', 'uploadFile', 'getStorage', 'setStorage', 'removeStorage', 'login', 'chooseImage', 'getRandomValues'];

/** 127.0.0.0/8, localhost and [::1] may use plain http (the devserver); nothing else may. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function fail(lang: Lang, detail: string): never {
  throw new Error(translate(lang, 'invalidOptions', { detail }));
}

/** `https://host[:port][/path]` without query/fragment; trailing slashes dropped. */
function normaliseHost(lang: Lang, value: unknown): string {
  if (value === undefined) return DEFAULT_HOST;
  if (typeof value !== 'string' || !value.trim()) fail(lang, translate(lang, 'optionInvalid', { name: 'host' }));
  const host = value.trim().replace(/\/+$/, '');
  const m = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[^?#\s]*)?$/.exec(host);
  if (!m) return fail(lang, translate(lang, 'optionInvalid', { name: 'host' }));
  const port = m[3] ? Number(m[3].slice(1)) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) fail(lang, translate(lang, 'optionPort'));
  const hostname = m[2].toLowerCase();
  if (m[1] === 'http' && !isLoopback(hostname)) fail(lang, translate(lang, 'optionInsecureHost'));
  return host;
}

function requireId(lang: Lang, value: unknown, name: string): string {
  if (value === undefined || value === null || value === '') fail(lang, translate(lang, 'optionRequired', { name }));
  if (typeof value !== 'string' || !value.trim() || /\s/.test(value)) fail(lang, translate(lang, 'optionInvalid', { name }));
  // Ids travel in headers and form bodies: visible ASCII only (no NUL, lone surrogates or full-width look-alikes).
  if (!ID_PATTERN.test(value as string)) fail(lang, translate(lang, 'optionIdChars', { name, max: ID_MAX }));
  return value as string;
}

export function resolveOptions(input: AuthingOptions): ResolvedOptions {
  const raw = (input && typeof input === 'object' ? input : undefined) as Partial<AuthingOptions> | undefined;
  const lang: Lang = raw && isLang(raw.lang) ? raw.lang : 'zh-CN';
  if (!raw) fail(lang, translate(lang, 'optionRequired', { name: 'options' }));
  const options = raw as Partial<AuthingOptions>;
  if (options.lang !== undefined && !isLang(options.lang)) fail(lang, translate(lang, 'optionInvalid', { name: 'lang' }));
  const appId = requireId(lang, options.appId, 'appId');
  const userPoolId = requireId(lang, options.userPoolId, 'userPoolId');
  const host = normaliseHost(lang, options.host);
  const timeout = options.timeout === undefined ? DEFAULT_TIMEOUT : options.timeout;
  if (typeof timeout !== 'number' || !isFinite(timeout) || timeout <= 0) fail(lang, translate(lang, 'optionInvalid', { name: 'timeout' }));
  // setTimeout fires at once above 2^31 − 1 ms: every request would time out immediately.
  if (timeout > MAX_TIMER_MS) fail(lang, translate(lang, 'optionTimeoutRange', { max: MAX_TIMER_MS }));
  if (options.encryptFunction !== undefined && typeof options.encryptFunction !== 'function') {
    fail(lang, translate(lang, 'optionInvalid', { name: 'encryptFunction' }));
  }
  let platform = options.platform;
  if (platform === undefined) {
    try {
      platform = createWechatPlatform();
    } catch (e) {
      fail(lang, translate(lang, 'optionNoPlatform'));
    }
  } else if (!platform || typeof platform !== 'object' || PLATFORM_METHODS.some((m) => typeof platform![m] !== 'function')) {
    fail(lang, translate(lang, 'optionInvalid', { name: 'platform' }));
  }
  return { appId, userPoolId, host, timeout, lang, encryptFunction: options.encryptFunction, platform: platform as Platform };
}
