import { ApiError, type ApiErrorDetails, type ErrorContext, type RefusalKind } from '@x/auth-core';

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

/** What a panel error type means to a generic consumer: `missed` is "not found", the rest a refusal. */
const PANEL_KINDS: Readonly<Record<string, RefusalKind>> = { missed: 'not-found' };

/** The `data` of a {@link PanelError}: the `<error>` node's fields and the func that was called. */
export interface PanelErrorData {
  type: string;
  object?: string | undefined;
  value?: string | undefined;
  params?: Record<string, string> | undefined;
  func?: string | undefined;
}

function panelData(details: ErrorContext): PanelErrorData {
  const data = (details as ApiErrorDetails).data as Partial<PanelErrorData> | undefined;
  return {
    ...data,
    type: typeof data?.type === 'string' ? data.type : String((details as ApiErrorDetails).code),
  };
}

/**
 * A COREmanager panel refused a call: it answers errors with HTTP 200 and an `<error>` node, which this class
 * carries as `panelType`, `object`, `value`, `panelMessage` and `params` (also in `code` and `data`).
 * A `missed` error (the object does not exist) has kind `not-found` and is also `instanceof NotFoundError`.
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

  protected static override kindOf(details: ErrorContext): RefusalKind {
    return PANEL_KINDS[panelData(details).type] ?? 'api';
  }

  /** Built by the codec through `refusalError` (which redacts `data` first): `data` is {@link PanelErrorData}. */
  constructor(message: string, details: ApiErrorDetails, retryable = false) {
    super(message, details, retryable);
    const data = panelData(details);
    this.panelType = data.type;
    this.object = data.object;
    this.value = data.value;
    this.panelMessage = details.vendorMessage;
    this.params = data.params ?? {};
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
