import type { SimRequest } from './request.js';
import type { SimResponse } from './response.js';

/**
 * A misbehaviour the simulator shows instead of (or on top of) its normal answer. `kind` is recorded in
 * {@link RequestRecord.fault} of the request that consumed it.
 */
export type Fault =
  /** Waits `ms` before running the handler (skipped if the client left meanwhile): slow response headers. */
  | { kind: 'delay'; ms: number }
  /** Answers with this status instead of the handler: 503 storms, 429 with `Retry-After`, an HTML 500 page. */
  | ({ kind: 'status'; status: number } & Omit<SimResponse, 'status'>)
  /** Drops the connection (a TCP RST on plain HTTP) after reading the request, before any response byte. */
  | { kind: 'reset' }
  /** Runs the handler, sends its headers (full Content-Length) and about half the body, then closes. */
  | { kind: 'reset-mid-body' }
  /** Runs the handler and sends the first half of its body as a well-formed response of that length. */
  | { kind: 'truncate' }
  /** Runs the handler, sends headers at once, then `chunkBytes` (default 16) bytes every `intervalMs`. */
  | { kind: 'slow-body'; chunkBytes?: number; intervalMs: number }
  /** Answers 200 with this raw body instead of the handler; `contentType` defaults to HTML. */
  | { kind: 'malformed'; body: string | Buffer; contentType?: string }
  /**
   * Answers 200 with a streamed JSON string body of exactly `bytes` bytes (valid JSON when `bytes` is at least
   * 2), so only a size cap can stop a client. `declareLength: false` sends it chunked, without Content-Length.
   */
  | { kind: 'oversized'; bytes: number; declareLength?: boolean }
  /** Answers `status` (default 302) with this `Location`. */
  | { kind: 'redirect'; location: string; status?: number }
  /** Never answers; the request stays open until the client or `stop()` closes the connection. */
  | { kind: 'hang' };

/**
 * Which requests a fault applies to: a predicate, or a path (exact string or RegExp tested against
 * `req.path`) and/or a method (case-insensitive). Without it, a fault applies to any request.
 */
export type FaultMatch = { path?: string | RegExp; method?: string } | ((req: SimRequest) => boolean);

/** Options of {@link FaultInjector.add}. */
export interface FaultOptions {
  /** How many matching requests the fault answers; default 1, `Infinity` for every one. */
  times?: number;
  /** Restricts the fault to some requests. */
  match?: FaultMatch;
}

/**
 * A FIFO queue of faults. Each request consumes at most one: the oldest fault whose match accepts it.
 */
export interface FaultInjector {
  /** Queues `fault` behind the faults already queued. */
  add(fault: Fault, options?: FaultOptions): void;
  /** Drops every queued fault. */
  clear(): void;
  /** Requests the queued faults will still answer, summed over faults (`Infinity` if any is unlimited). */
  readonly pending: number;
}

interface Entry {
  fault: Fault;
  remaining: number;
  matches: (req: SimRequest) => boolean;
}

/** The simulator's fault queue; `take` is internal to the simulator. */
export class FaultQueue implements FaultInjector {
  readonly #entries: Entry[] = [];

  add(fault: Fault, options: FaultOptions = {}): void {
    const times = options.times ?? 1;
    if (!(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times > 0))) {
      throw new RangeError(`fault times must be a positive integer or Infinity, got ${times}`);
    }
    validate(fault);
    this.#entries.push({ fault, remaining: times, matches: matcher(options.match) });
  }

  clear(): void {
    this.#entries.length = 0;
  }

  get pending(): number {
    return this.#entries.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Consumes one use of the oldest fault that matches `req`. */
  take(req: SimRequest): Fault | undefined {
    const index = this.#entries.findIndex((entry) => entry.matches(req));
    const entry = this.#entries[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#entries.splice(index, 1);
    return entry.fault;
  }
}

function matcher(match: FaultMatch | undefined): (req: SimRequest) => boolean {
  if (match === undefined) return () => true;
  if (typeof match === 'function') return match;
  const { path, method } = match;
  return (req) =>
    (method === undefined || req.method.toUpperCase() === method.toUpperCase()) &&
    // `search` ignores `lastIndex`, so a /g or /y RegExp matches the same way on every request.
    (path === undefined || (typeof path === 'string' ? req.path === path : req.path.search(path) !== -1));
}

/** Rejects faults that would loop forever or make Node throw mid-response, when the test adds them. */
function validate(fault: Fault): void {
  const fail = (what: string): never => {
    throw new RangeError(`${fault.kind} fault: ${what}`);
  };
  switch (fault.kind) {
    case 'delay':
      if (!(fault.ms >= 0)) fail(`ms must be >= 0, got ${fault.ms}`);
      break;
    case 'slow-body':
      if (!(fault.intervalMs >= 0)) fail(`intervalMs must be >= 0, got ${fault.intervalMs}`);
      if (fault.chunkBytes !== undefined && !(Number.isInteger(fault.chunkBytes) && fault.chunkBytes > 0)) {
        fail(`chunkBytes must be a positive integer, got ${fault.chunkBytes}`);
      }
      break;
    case 'oversized':
      if (!(Number.isSafeInteger(fault.bytes) && fault.bytes >= 0)) fail(`bytes must be an integer >= 0`);
      break;
    default:
      break;
  }
}
