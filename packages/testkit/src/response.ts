import type { ServerResponse } from 'node:http';
import { errorMessage } from './request.js';

/** What a handler answers. Everything is optional: `{}` is an empty 200. */
export interface SimResponse {
  /** HTTP status; defaults to 200. */
  status?: number;
  /** Response headers. `content-length` is always computed from the body. */
  headers?: Record<string, string | string[]>;
  /**
   * The body. A string is sent as UTF-8 (`text/plain` unless a content-type is given), a Buffer as is
   * (`application/octet-stream`), any other object as JSON (`application/json`).
   */
  body?: string | Buffer | object;
}

const EMPTY = Buffer.alloc(0);

/**
 * Sets status and headers on `res` and returns the encoded body, without writing anything, so that a fault can
 * decide how the bytes reach the wire.
 */
export function prepareResponse(res: ServerResponse, response: SimResponse): Buffer {
  const status = response.status ?? 200;
  res.statusCode = status;
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  // HTTP forbids a body (and Node drops one) on these; a Content-Length would then lie.
  if (status < 200 || status === 204 || status === 304) return EMPTY;
  const { bytes, contentType } = encodeBody(response.body);
  if (contentType !== undefined && !res.hasHeader('content-type')) res.setHeader('content-type', contentType);
  res.setHeader('content-length', bytes.length);
  return bytes;
}

/** Writes a whole response. */
export function sendResponse(res: ServerResponse, response: SimResponse): void {
  res.end(prepareResponse(res, response));
}

/** The 500 a handler's exception turns into. */
export function errorResponse(error: unknown): SimResponse {
  return { status: 500, body: { error: errorMessage(error) } };
}

/**
 * Answers 500 after something failed while responding; if headers already left, the only honest signal left is
 * to drop the connection.
 */
export function failResponse(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  sendResponse(res, errorResponse(error));
}

function encodeBody(body: SimResponse['body']): { bytes: Buffer; contentType?: string } {
  if (body === undefined) return { bytes: EMPTY };
  if (typeof body === 'string')
    return { bytes: Buffer.from(body, 'utf8'), contentType: 'text/plain; charset=utf-8' };
  if (Buffer.isBuffer(body)) return { bytes: body, contentType: 'application/octet-stream' };
  return { bytes: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json' };
}
