import type { Dispatcher } from 'undici';

/** What an exchange collected: the status, the headers and the whole body. */
export interface ExchangeResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** How an exchange reports progress to the attempt that owns it (its clocks and its size cap). */
export interface ExchangeObserver {
  /** The status line and headers arrived (a final status, not 1xx). May throw to refuse the answer. */
  onHeaders(status: number, headers: Record<string, string | string[] | undefined>): void;
  /** Body bytes arrived; `total` counts every body byte so far. May throw to refuse the answer. */
  onBody(total: number): void;
}

/**
 * One HTTP request/response on an undici dispatcher, through the handler interface rather than
 * `undici.request`. `request` wraps the body in a Readable stream and binds an AsyncResource and an abort
 * signal per call; a handler that collects the chunks itself costs about a third less CPU per call (measured:
 * tools/evidence/bench/table.mjs). The transport needs none of what the stream offers: it buffers every answer
 * (under a size cap) before decoding it.
 *
 * The promise settles once: with the collected answer, with the error undici reports, with what an observer
 * threw, or with the reason given to {@link abort}, which also cancels the request if it is under way.
 */
export class Exchange implements Dispatcher.DispatchHandler {
  readonly done: Promise<ExchangeResult>;
  #resolve!: (result: ExchangeResult) => void;
  #reject!: (error: unknown) => void;
  #settled = false;
  #controller: Dispatcher.DispatchController | undefined;
  #abortReason: unknown;
  #aborted = false;
  #status = 0;
  #headers: Record<string, string | string[] | undefined> = {};
  #chunks: Buffer[] = [];
  #total = 0;
  readonly #observer: ExchangeObserver;

  constructor(observer: ExchangeObserver) {
    this.#observer = observer;
    this.done = new Promise<ExchangeResult>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // An abort may reject the promise before the attempt awaits it; that is not an unhandled rejection.
    this.done.catch(() => {});
  }

  /** Whether the answer's status line has arrived. */
  get responseStarted(): boolean {
    return this.#status !== 0;
  }

  /**
   * Cancels the exchange: the promise rejects with `reason` at once, and the request is aborted as soon as
   * undici has handed it a controller (a request still waiting for a socket has none yet).
   */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#abortReason = reason;
    this.#controller?.abort(reason as Error);
    this.#fail(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#aborted) controller.abort(this.#abortReason as Error);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // Informational answers (100 Continue, 103 Early Hints) precede the real one.
    if (statusCode < 200 || this.#settled) return;
    this.#status = statusCode;
    this.#headers = headers;
    this.#guard(controller, () => this.#observer.onHeaders(statusCode, headers));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#total += chunk.length;
    this.#chunks.push(chunk);
    this.#guard(controller, () => this.#observer.onBody(this.#total));
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    const chunks = this.#chunks;
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, this.#total);
    this.#chunks = [];
    this.#resolve({ status: this.#status, headers: this.#headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#fail(error);
  }

  /** Runs an observer callback; what it throws ends the exchange with that error and aborts the request. */
  #guard(controller: Dispatcher.DispatchController, callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.#fail(error);
      this.#aborted = true;
      controller.abort(error as Error);
    }
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#chunks = [];
    this.#reject(error);
  }
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
/** Paths undici would refuse or that URL parsing would rewrite (dot segments, backslashes): parsed in full. */
const UNUSUAL_PATH = /[^\x21-\x7e]|\/\.|\\/;
const originCache = new Map<string, string>();

/**
 * Splits a request URL into the origin and the path (with query) that `dispatch` takes, as `undici.request`
 * would, without parsing the whole URL on every call: codecs build their URLs from an already validated base
 * URL, so only the scheme and authority need normalising, once per distinct value. Unusual paths go through
 * the WHATWG parser so the result is identical.
 */
export function splitUrl(url: string | URL): { origin: string; path: string } {
  if (typeof url !== 'string') return { origin: url.origin, path: `${url.pathname}${url.search}` };
  const head = ORIGIN.exec(url)?.[0];
  let rest = head === undefined ? '' : url.slice(head.length);
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);
  if (head === undefined || UNUSUAL_PATH.test(rest)) return splitUrl(new URL(url));
  let origin = originCache.get(head);
  if (origin === undefined) {
    origin = new URL(head).origin;
    if (originCache.size < 256) originCache.set(head, origin);
  }
  return { origin, path: rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}` };
}
