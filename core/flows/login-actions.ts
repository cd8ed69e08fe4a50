// The requests behind <authing-login>'s actions — send a code, or (after the before-login hook) log in —
// as outcomes that the flow (core/flows/login-form.ts) turns into state, notices and events.

import type { AuthingClient, ErrorData, LoginState } from '../types';
import { readMfaChallenge } from '../journey';
import type { MfaChallenge } from '../journey';
import { beforeLoginContext } from './login-checks';
import type { LoginInputs } from './login-checks';
import { lacksPhone } from './bind-phone';
import { codeChannelOf, eventMethod, loginDetail, sendLogin } from './login-requests';
import type { CodeChannel } from './login-requests';
import type { BeforeLoginHook, LoginAction, LoginDetail, LoginFormConfig } from './login-types';

export type ActionOutcome =
  | { kind: 'failed'; error: ErrorData }
  | { kind: 'sent'; channel: CodeChannel; target: string; countryCode: string }
  | { kind: 'vetoed' }
  | { kind: 'logged-in'; detail: LoginDetail }
  /** Logged in by WeChat code, without a phone, and the host asks for one: the bind-phone step comes first. */
  | { kind: 'bind-phone'; detail: LoginDetail }
  /** The sign-in answered "MFA required" (1635 / 1636): the MFA step takes over. */
  | { kind: 'mfa'; challenge: MfaChallenge };

export interface ActionContext {
  client: AuthingClient | undefined;
  config: LoginFormConfig;
  inputs: LoginInputs;
  /** The WeChat phone code of a phone login ('' otherwise). */
  phoneCode: string;
  beforeLogin: BeforeLoginHook | null;
  /** The failure when no client is configured (worded by the host). */
  notConfigured: ErrorData;
}

/** Whether the before-login hook cancels the action (a throw cancels too). */
async function vetoed(action: LoginAction, ctx: ActionContext): Promise<boolean> {
  if (!ctx.beforeLogin) return false;
  let ok: boolean | void;
  try { ok = await ctx.beforeLogin(beforeLoginContext(action, ctx.inputs)); } catch (e) { ok = false; }
  return ok === false || (ok !== true && ok !== undefined);
}

async function sendCode(c: CodeChannel, ctx: ActionContext): Promise<ActionOutcome> {
  if (!ctx.client) return { kind: 'failed', error: ctx.notConfigured };
  const target = ctx.inputs.values[c.target].trim();
  const { countryCode } = ctx.inputs;
  const [err] = await c.request(ctx.client, ctx.config, target, countryCode);
  return err ? { kind: 'failed', error: err } : { kind: 'sent', channel: c, target, countryCode };
}

async function logIn(action: LoginAction, ctx: ActionContext): Promise<ActionOutcome> {
  if (await vetoed(action, ctx)) return { kind: 'vetoed' };
  const client = ctx.client;
  if (!client) return { kind: 'failed', error: ctx.notConfigured };
  const [err, loginState] = await sendLogin(client, action, ctx.config, { ...ctx.inputs, phoneCode: ctx.phoneCode });
  if (err) {
    const challenge = readMfaChallenge(err);
    return challenge ? { kind: 'mfa', challenge } : { kind: 'failed', error: err };
  }
  const detail = await loginDetail(client, eventMethod(action), loginState as LoginState, ctx.config.fetchUserInfo);
  if (action === 'wechat' && ctx.config.phoneBinding !== 'off' && await lacksPhone(client, detail)) return { kind: 'bind-phone', detail };
  return { kind: 'logged-in', detail };
}

/** Runs an action's request (validation and consent are done). */
export function performAction(action: LoginAction, ctx: ActionContext): Promise<ActionOutcome> {
  const channel = codeChannelOf(action);
  return channel && action === channel.send ? sendCode(channel, ctx) : logIn(action, ctx);
}
