// The V3 token captcha (no cookies, so it works with wx.request): GET /api/v3/get-captcha-code →
// the SVG image and a captchaToken; the next sign-in sends `options.captchaCode` + `options.captchaToken`.
import { fail, kitError, ok, Result } from '../errors';
import { unwrapData } from '../http';
import type { JourneyContext, Json } from './context';
import type { CaptchaCode } from './types';

const firstString = (source: Json, names: string[]): string | undefined => {
  for (const name of names) {
    const value = source[name];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
};

export async function getCaptchaCode(ctx: JourneyContext): Promise<Result<CaptchaCode>> {
  const [err, json] = await ctx.call({ method: 'GET', path: '/api/v3/get-captcha-code', app: true, userPool: true });
  if (err) return fail(err);
  const data = unwrapData(json!) as Json;
  // Tolerant: the contract names the image `captchaCodeSvg`; older drafts say `captchaCode` / `svg`.
  const captchaCodeSvg = data && firstString(data, ['captchaCodeSvg', 'captchaCode', 'svg']);
  const captchaToken = data && firstString(data, ['captchaToken', 'token']);
  if (!captchaCodeSvg || !captchaToken || captchaCodeSvg.indexOf('<svg') < 0) return fail(kitError(ctx.lang, 'bad_response', 'badResponse'));
  return ok({ captchaCodeSvg, captchaToken });
}

/** An `<image src>` for the captcha SVG (a percent-encoded data URI: no base64 global needed). */
export function captchaImageSrc(svg: string): string {
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}
