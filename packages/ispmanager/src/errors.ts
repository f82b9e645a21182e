import { ApiError, type ApiErrorDetails, type ErrorKind } from '@x/auth-core';

/** The fields of a COREmanager `<error>` node, as the panel sent them (redacted). */
export interface PanelErrorInfo {
  /** Error type: `exists`, `missed`, `value`, `access`, `auth`, `xml`, `referer_confirm`, or a plugin's own. */
  type: string;
  /** What the error is about: a field, an entity (`user`, `name`), `badpassword`, ... */
  object: string | undefined;
  /** The offending value (the `value` param), when the panel named one. */
  value: string | undefined;
  /** The panel's message (`msg`, else `detail`, else the node text) with `__param__` placeholders filled. */
  message: string | undefined;
  /** Every `<param name="...">` of the error. */
  params: Record<string, string>;
  /** The language the panel answered in. */
  lang: string | undefined;
}

/**
 * A COREmanager panel refused a call: it answers errors with HTTP 200 and an `<error>` node, which this class
 * carries as `panelType`, `object`, `value`, `panelMessage` and `params` (also in `code` and `data`).
 * Credential refusals (`type="auth"`) are {@link AuthError}s from `@x/auth-core` instead.
 */
export class PanelError extends ApiError {
  static override readonly brand: string = 'IspManagerPanelError';
  /** The error `type` attribute (also in `code`). */
  readonly panelType: string;
  readonly object: string | undefined;
  readonly value: string | undefined;
  readonly panelMessage: string | undefined;
  readonly params: Record<string, string>;

  constructor(message: string, info: PanelErrorInfo, details: ApiErrorDetails) {
    // A missing object reads as "not found" to generic consumers (the MCP server switches on `kind`).
    const kind: ErrorKind = info.type === 'missed' ? 'not-found' : 'api';
    super(message, details, kind, false);
    this.panelType = info.type;
    this.object = info.object;
    this.value = info.value;
    this.panelMessage = info.message;
    this.params = info.params;
  }

  /** The object already exists (creating it twice). */
  isExists(): boolean {
    return this.panelType === 'exists';
  }
  /** The object (or a required parameter) does not exist / is missing. */
  isMissed(): boolean {
    return this.panelType === 'missed';
  }
  /** A parameter has an invalid value; `object` names the field. */
  isValue(): boolean {
    return this.panelType === 'value';
  }
  /** The user may not do this (e.g. `su` to a user one does not own). */
  isAccess(): boolean {
    return this.panelType === 'access';
  }
  /** The panel wants the request confirmed (`<doc func="confirm">` or `referer_confirm`). */
  isConfirm(): boolean {
    return this.panelType === 'confirm' || this.panelType === 'referer_confirm';
  }
}

/** Whether a value is a {@link PanelError} (from any installed copy of this package). */
export function isPanelError(value: unknown): value is PanelError {
  return value instanceof PanelError;
}
