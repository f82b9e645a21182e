/** HTTP methods the API family uses. */
export type TuxCareMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * How an answer is decoded.
 * - `envelope`: JSON `{ success, message, type, data }`; the result is `data`.
 * - `envelope-full`: the same envelope, but the result is `{ data, message }`, for calls whose `success: true`
 *   answer may carry `data: null` and a message such as "Server not found".
 * - `bare`: JSON without an envelope (an envelope is still recognised and unwrapped if one arrives).
 * - `plain`: the `.plain` text format, `key:value` lines starting with `success:true|false`.
 * - `nagios`: the Nagios plugin text of `kcare/nagios*`.
 */
export type ResponseFormat = 'envelope' | 'envelope-full' | 'bare' | 'plain' | 'nagios';

/** The vendor-specific half of a TuxCare endpoint descriptor. */
export interface TuxCareRoute {
  /** Path under the base URL (which ends in `/api`), with the extension, e.g. `/els/key/create.json`. */
  readonly path: string;
  /** Default GET: every known production client sends GET with query arguments. */
  readonly method?: TuxCareMethod | undefined;
  readonly format: ResponseFormat;
  /** `token` (default) adds a fresh `token=` query argument; `none` for status and the Nagios calls. */
  readonly auth?: 'token' | 'none' | undefined;
  /**
   * Wire names of input fields whose query name differs from the field name; a list sends the value under
   * each name (ELS list calls send both `code` and `productType`, see the README).
   */
  readonly params?: Readonly<Record<string, string | readonly string[]>> | undefined;
  /** Path of the `.plain` variant, chosen by the input field `format: 'plain'` (status). */
  readonly plainPath?: string | undefined;
  /**
   * Result codes of calls that answer success with a `code` (set_cidr, register_key): a non-zero code is a
   * refusal, reported as an ApiError carrying the code and this text.
   */
  readonly codes?: Readonly<Record<number, string>> | undefined;
}
