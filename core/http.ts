// The one place requests are made and answers classified (contract §3.1, §3.3, §10).
import type { ErrorData, Lang } from './types';
import type { Platform, PlatformResponse } from './platform/types';
import { SDK_VERSION } from './version';
import { fail, ok, platformError, Result } from './errors';
import { translate } from './i18n';
import { DEADLINE_GRACE_MS, withDeadline } from './deadline';
import { withoutSecrets } from './redact';
import { isObject } from './checks';

/** How a path's answer is judged (contract §3.3: three URLs bypass the envelope). */
export type AnswerKind = 'envelope' | 'system' | 'token' | 'revocation';

export interface CallSpec {
  method: 'GET' | 'POST';
  path: string;
  /** Contract header letters: A app id, U user pool id, T token, F form body. */
  app?: boolean;
  userPool?: boolean;
  token?: string;
  form?: boolean;
  data?: Record<string, unknown> | string;
  kind?: AnswerKind;
}

export interface HttpConfig {
  host: string;
  appId: string;
  userPoolId: string;
  lang: Lang;
  timeout: number;
  platform: Platform;
}

/** The headers every call carries, plus the ones its contract row asks for. */
export function buildHeaders(config: HttpConfig, spec: Pick<CallSpec, 'app' | 'userPool' | 'token' | 'form'>): Record<string, string> {
  const header: Record<string, string> = {
    'x-authing-request-from': 'sdk-miniapp',
    'x-authing-sdk-version': SDK_VERSION,
    'x-authing-lang': config.lang,
  };
  if (spec.app) header['x-authing-app-id'] = config.appId;
  if (spec.userPool) header['x-authing-userpool-id'] = config.userPoolId;
  // The raw token, no "Bearer " prefix: what the seed sends (contract §3.1).
  if (spec.token) header['Authorization'] = spec.token;
  if (spec.form) header['content-type'] = 'application/x-www-form-urlencoded';
  return header;
}

/** `k=v&k2=v2`, RFC 3986 escaped; empty values are kept (`redirect_uri=`). */
export function formEncode(fields: Record<string, string>): string {
  return Object.keys(fields)
    .map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(fields[k]))
    .join('&');
}

type Json = Record<string, unknown>;

/** Platform data → a JSON object, or undefined when it is not one. `trim` also drops a leading BOM. */
function parseBody(data: unknown): Json | undefined {
  if (typeof data !== 'string') return isObject(data) ? data : undefined;
  try {
    const value: unknown = JSON.parse(data.trim());
    return isObject(value) ? value : undefined;
  } catch (e) {
    return undefined;
  }
}

function isEnvelope(json: Json): boolean {
  return typeof json.statusCode === 'number';
}

function readableMessage(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** An Authing error envelope → ErrorData (`code: 'server'`). */
function envelopeError(lang: Lang, json: Json, status: number): ErrorData {
  const statusCode = json.statusCode as number;
  const error: ErrorData = {
    code: 'server',
    message: readableMessage(json.message) || translate(lang, 'http', { status: statusCode || status }),
    statusCode,
  };
  if (typeof json.apiCode === 'number') error.apiCode = json.apiCode;
  if (typeof json.requestId === 'string') error.requestId = json.requestId;
  // Some error answers carry what the next step needs (MFA challenge, remaining attempts).
  if (json.data && typeof json.data === 'object' && !Array.isArray(json.data)) error.data = { ...(json.data as Json) };
  return error;
}

/** An OAuth/OIDC error body (`error`, `error_description`) → ErrorData. */
function oidcError(lang: Lang, json: Json, status: number): ErrorData {
  const error = readableMessage(json.error);
  const description = readableMessage(json.error_description);
  const out: ErrorData = {
    code: 'server',
    message: description || error || readableMessage(json.message) || translate(lang, 'http', { status }),
    statusCode: status,
  };
  if (error) out.error = error;
  if (description) out.error_description = description;
  return out;
}

export function classify(lang: Lang, res: PlatformResponse, kind: AnswerKind): Result<Json> {
  const status = res.statusCode;
  const good = status >= 200 && status < 300;
  const json = parseBody(res.data);
  // Revocation (RFC 7009): a 2xx means revoked, whatever the body (usually empty, or not JSON). A JSON body
  // is judged below like any answer: an Authing error envelope or an OIDC error means it was not revoked
  // (the caller keeps the login state); any other JSON object in a 2xx is a success.
  if (kind === 'revocation' && good && !json) return ok({});
  if (json && isEnvelope(json)) {
    if (json.statusCode === 200 && (good || status === 0)) return ok(json);
    if (json.statusCode !== 200) return fail(envelopeError(lang, json, status));
  }
  if (json && typeof json.error === 'string') return fail(oidcError(lang, json, status));
  if (!good) return fail({ code: 'http', message: translate(lang, 'http', { status }), statusCode: status });
  if (!json) return fail({ code: 'bad_response', message: translate(lang, 'badResponse'), statusCode: status });
  if (kind === 'envelope' && !isEnvelope(json)) return fail({ code: 'bad_response', message: translate(lang, 'badResponse'), statusCode: status });
  return ok(json);
}

export class Http {
  constructor(private readonly config: HttpConfig) {}

  async call(spec: CallSpec): Promise<Result<Json>> {
    const { config } = this;
    let res: PlatformResponse;
    try {
      const request = config.platform.request({
        url: config.host + spec.path,
        method: spec.method,
        header: buildHeaders(config, spec),
        data: spec.data,
        timeout: config.timeout,
      });
      res = await withDeadline(request, config.timeout + DEADLINE_GRACE_MS, 'request');
    } catch (err) {
      return fail(withoutSecrets(config.lang, platformError(config.lang, err, 'request'), [spec.data, spec.token]));
    }
    return classify(config.lang, res, spec.kind || 'envelope');
  }
}

/** The envelope's `data` when present, else the envelope itself (what the seed returns). */
export function unwrapData(json: Json): unknown {
  return json.data !== undefined && json.data !== null ? json.data : json;
}
