// The narrow view of a client that the journey methods work on. Everything else about the
// client (storage, refresh, platform) stays private to it; `attach.ts` builds this view.
import type { EncryptType, ErrorData, Lang, LoginState } from '../types';
import type { CallSpec } from '../http';
import type { Result } from '../errors';
import type { KitMarker } from '../login-state';

export type Json = Record<string, unknown>;

export interface JourneyContext {
  /** The client's language: kit messages and `x-authing-lang`. */
  lang: Lang;
  /** One request with the client's host, headers and timeout; the answer classified (errors carry the envelope's `data`). */
  call(spec: CallSpec): Promise<Result<Json>>;
  /** Encrypts passwords like the logins do (`none` / undefined: as typed). */
  encrypt(values: string[], type: EncryptType | undefined): Promise<Result<string[]>>;
  /** After an encrypted call failed: forget the cached public key if the server could not decrypt. */
  noteEncryptedFailure(error: ErrorData, type: EncryptType | undefined): void;
  /** Stores a token set as the login state (`expires_at` computed), like a login does. */
  saveTokens(tokens: Json, marker: KitMarker): Promise<Result<LoginState>>;
}
