import type { ResultHint } from './wire/result.js';

/**
 * The COREmanager-specific half of an endpoint declaration: which `func` it calls and what comes back.
 * Input field names are the panel's parameter names, so the codec needs nothing else to build the request.
 */
export interface PanelRoute {
  /** The panel function, spelled exactly as the panel does (`user.edit`, `domain.record`). */
  func: string;
  /** The answer expected: a `list`, a `form`, an `ok`, a session (`auth`), or `any` (the generic call). */
  result: ResultHint;
  /** A mutation: send `sok=ok` (lists and forms never do, or the panel would save a form). */
  sok?: boolean | undefined;
  /** Repeat this parameter's value as `confirm` (password confirmation fields of `.edit` forms). */
  confirm?: string | undefined;
  /** `session.newkey`: generate the one-time key when none is given and answer with the login URL. */
  keyFlow?: boolean | undefined;
  /** The generic call: `func`, `params` and `sok` come from the input. */
  generic?: boolean | undefined;
}
