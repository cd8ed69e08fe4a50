// What a component shows below its controls after an action: a text key of the component (translated,
// overridable via `texts`) or a failure (its message is the server's or the kit's, already readable).
// Flows keep notices language-neutral; the component's view turns them into text.

import type { ErrorData } from '../types';

export type NoticeTone = 'info' | 'success' | 'error';

export type Notice =
  | { tone: NoticeTone; key: string; params?: Record<string, string | number> }
  | { tone: 'error'; error: ErrorData };

/** Readable text of a flow's texts: the host's `text(key, params)`. */
export type TextLookup = (key: string, params?: Record<string, string | number>) => string;

