// Small steps shared by the journey methods.
import type { Checked } from '../checks';
import type { Problem } from '../validate';
import { fail, invalidArgument, kitError, ok, Result } from '../errors';
import { unwrapData } from '../http';
import type { JourneyContext, Json } from './context';

/** A checked input, or the localized `invalid_argument` error (no request is made). */
export function checked<T>(ctx: JourneyContext, input: Checked<T>): Result<T> {
  return input.problem ? fail(invalidArgument(ctx.lang, input.problem as Problem)) : ok(input.value as T);
}

/** An unauthenticated V3 POST with headers A + U (what the widest set of Authing clients send on these calls). */
export function publicPost(ctx: JourneyContext, path: string, data: Json): Promise<Result<Json>> {
  return ctx.call({ method: 'POST', path, app: true, userPool: true, data });
}

/** The envelope's `data` as an object whose `fields` are all present, else `bad_response`. */
export function dataWith<T>(ctx: JourneyContext, result: Result<Json>, fields: string[]): Result<T> {
  const [err, json] = result;
  if (err) return fail(err);
  const data = unwrapData(json!) as Json;
  if (!data || typeof data !== 'object' || fields.some((f) => data[f] === undefined || data[f] === null || data[f] === '')) {
    return fail(kitError(ctx.lang, 'bad_response', 'badResponse'));
  }
  return ok({ ...data } as unknown as T);
}
