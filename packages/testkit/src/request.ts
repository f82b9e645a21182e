import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** A request as a simulator handler sees it: the body is already read in full. */
export interface SimRequest {
  /** Upper-case HTTP method, e.g. `POST`. */
  method: string;
  /** Absolute URL of the request, resolved against the simulator's origin. */
  url: URL;
  /** `url.pathname`, e.g. `/v1/servers`. */
  path: string;
  /** `url.searchParams`. */
  query: URLSearchParams;
  /** Request headers, lower-cased names (as Node parses them). */
  headers: IncomingHttpHeaders;
  /** Raw request body. */
  body: Buffer;
  /** The body decoded as UTF-8. */
  text: string;
  /** Parses the body as `application/x-www-form-urlencoded`. */
  form(): URLSearchParams;
  /**
   * Parses the body as JSON.
   * @throws Error naming the parse failure and the start of the body, when the body is not valid JSON.
   */
  json<T = unknown>(): T;
}

/** How much of an unparseable body goes into the error message: enough to recognise it, not a wall of text. */
const PREVIEW_CHARS = 80;

/** Builds the handler's view of a request whose body has been read. */
export function createSimRequest(raw: IncomingMessage, body: Buffer, origin: string): SimRequest {
  const target = raw.url ?? '/';
  // Origin-form targets are appended, not resolved, so `//a/b` stays a path instead of becoming host `a`;
  // absolute-form targets (a client talking through a proxy) resolve as they are.
  const url = target.startsWith('/') ? new URL(origin + target) : new URL(target, origin);
  const text = body.toString('utf8');
  return {
    method: raw.method ?? 'GET',
    url,
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    body,
    text,
    form: () => new URLSearchParams(text),
    json: <T>() => {
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        const preview = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
        throw new Error(
          `request body is not valid JSON (${errorMessage(error)}): ${JSON.stringify(preview)}`,
        );
      }
    },
  };
}

/**
 * Reads a request body, stopping at `limit` bytes.
 * @returns the body, or `undefined` when it is larger than `limit` (the caller answers 413).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but keep the stream flowing, so the rest drains unread; destroying it instead would
        // close the socket before the 413 goes out.
        req.off('data', onData);
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('client closed the connection before sending the whole body'));
    });
  });
}

/** The message of anything thrown, for error bodies and wrapped errors. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
