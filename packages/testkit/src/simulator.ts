import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { CONTROL_PATH, control } from './control.js';
import { type Fault, type FaultInjector, FaultQueue } from './faults.js';
import { close, LOOPBACK, listen } from './ports.js';
import { createSimRequest, readBody, type SimRequest } from './request.js';
import { respond } from './respond.js';
import { errorResponse, failResponse, type SimResponse, sendResponse } from './response.js';
import { ByteCounter, SocketSet } from './sockets.js';
import { testCertificate } from './tls.js';

/** What a handler gets besides the request. */
export interface SimContext<S> {
  /** The simulator's current state (the same object as `sim.state`). */
  readonly state: S;
  readonly sim: Simulator<S>;
}

/** Implements a vendor API. Whatever it throws becomes a 500 `{ "error": message }`. */
export type SimHandler<S> = (req: SimRequest, ctx: SimContext<S>) => SimResponse | Promise<SimResponse>;

/** Options of {@link createSimulator}. */
export interface SimulatorOptions<S> {
  /** Names the simulator in errors and in the sandbox. */
  name: string;
  handler: SimHandler<S>;
  /** Returns fresh state; called at creation and by every `reset()`. Without it the state is `undefined`. */
  seed?: () => S;
  /** Serve HTTPS: `true` uses {@link testCertificate}, or pass your own PEM key and certificate. */
  tls?: boolean | { key: string; cert: string };
  /** Larger request bodies get a 413 without reaching the handler; default 1 MiB. */
  maxRequestBytes?: number;
}

/** One request as it arrived, kept in {@link Simulator.log}. */
export interface RequestRecord {
  method: string;
  path: string;
  /** Query parameters; the last value wins for a repeated name. */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8. */
  body: string;
  /** Arrival time, `Date.now()` once the body was read. */
  at: number;
  /** The `kind` of the fault that answered this request, if any. */
  fault?: Fault['kind'];
}

/** Traffic counters since start or the last `reset()`. */
export interface SimulatorStats {
  /** TCP connections accepted, including ones whose TLS handshake failed. */
  connections: number;
  /** Requests that arrived (the length of the log). */
  requests: number;
  /**
   * Bytes read from clients: raw socket bytes on plain HTTP; decrypted bytes after the handshake on HTTPS, so a
   * client that aborts the handshake (a pinning mismatch) leaves it at 0.
   */
  bytesReceived: number;
}

/** A vendor API simulator listening on an ephemeral loopback port. `await using` stops it. */
export interface Simulator<S> extends AsyncDisposable {
  readonly name: string;
  /**
   * Listens on 127.0.0.1, on `options.port` or (by default) a port the kernel picks. Resolves to the simulator
   * itself; a port in use rejects with Node's `EADDRINUSE` error.
   */
  start(options?: StartOptions): Promise<Simulator<S>>;
  /** Closes the server and every open socket (idle keep-alive, hung and streaming ones) at once. */
  stop(): Promise<void>;
  /** The origin, e.g. `http://127.0.0.1:34567` (`https://` with TLS). Throws unless started. */
  readonly url: string;
  /** The listening port. Throws unless started. */
  readonly port: number;
  /** Mutable simulator state, shared by all requests. */
  state: S;
  /** Every request that arrived, including those a fault answered, oldest first. */
  readonly log: readonly RequestRecord[];
  /** A snapshot of the traffic counters. */
  readonly stats: SimulatorStats;
  readonly faults: FaultInjector;
  /** Re-seeds the state and clears log, stats and faults. */
  reset(): void;
}

/** Options of {@link Simulator.start}. */
export interface StartOptions {
  /** A fixed port (the sandbox's); default 0, an ephemeral one. */
  port?: number;
}

const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * Creates a simulator; call `start()` to listen.
 * @example
 * ```ts
 * await using sim = await createSimulator({
 *   name: 'counter',
 *   seed: () => ({ hits: 0 }),
 *   handler: (_req, { state }) => ({ body: { hits: ++state.hits } }),
 * }).start();
 * ```
 */
export function createSimulator<S = undefined>(options: SimulatorOptions<S>): Simulator<S> {
  return new LoopbackSimulator(options);
}

class LoopbackSimulator<S> implements Simulator<S> {
  readonly name: string;
  state: S;
  readonly #options: SimulatorOptions<S>;
  readonly #log: RequestRecord[] = [];
  readonly #faults = new FaultQueue();
  readonly #sockets = new SocketSet();
  readonly #bytes = new ByteCounter();
  #connections = 0;
  #requests = 0;
  #server: Server | undefined;
  #port: number | undefined;
  /** Aborted by stop(), so delays and streams that are still running end with it. */
  #lifetime = new AbortController();

  constructor(options: SimulatorOptions<S>) {
    this.name = options.name;
    this.#options = options;
    this.state = this.#seed();
  }

  async start(options: StartOptions = {}): Promise<Simulator<S>> {
    if (this.#server !== undefined) throw new Error(`simulator "${this.name}" is already started`);
    const server = this.#createServer();
    this.#server = server;
    this.#lifetime = new AbortController();
    try {
      this.#port = await listen(server, options.port ?? 0);
    } catch (error) {
      this.#server = undefined;
      throw error;
    }
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    this.#server = undefined;
    this.#port = undefined;
    this.#lifetime.abort();
    const closed = close(server);
    this.#sockets.destroyAll();
    await closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  get port(): number {
    if (this.#port === undefined) throw new Error(`simulator "${this.name}" is not started`);
    return this.#port;
  }

  get url(): string {
    return `${this.#options.tls ? 'https' : 'http'}://${LOOPBACK}:${this.port}`;
  }

  get log(): readonly RequestRecord[] {
    return this.#log;
  }

  get stats(): SimulatorStats {
    return { connections: this.#connections, requests: this.#requests, bytesReceived: this.#bytes.total };
  }

  get faults(): FaultInjector {
    return this.#faults;
  }

  reset(): void {
    this.state = this.#seed();
    this.#log.length = 0;
    this.#faults.clear();
    this.#connections = 0;
    this.#requests = 0;
    this.#bytes.reset();
  }

  #seed(): S {
    // Without a seed, S is `undefined` (the type parameter's default), so the cast only restates that.
    return this.#options.seed ? this.#options.seed() : (undefined as S);
  }

  #createServer(): Server {
    const tls = this.#options.tls === true ? testCertificate : this.#options.tls || undefined;
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => void this.#handle(req, res);
    const server = tls
      ? createHttpsServer({ key: tls.key, cert: tls.cert }, onRequest)
      : createHttpServer(onRequest);
    server.on('connection', (socket: Socket) => {
      this.#connections += 1;
      this.#sockets.add(socket);
      if (!tls) this.#bytes.watch(socket);
    });
    // Over TLS only the decrypted stream counts: it exists once the handshake succeeded.
    server.on('secureConnection', (socket: TLSSocket) => {
      this.#sockets.add(socket);
      this.#bytes.watch(socket);
    });
    return server;
  }

  async #handle(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const signal = AbortSignal.any([this.#lifetime.signal, closeSignal(res)]);
    try {
      const limit = this.#options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
      const body = await readBody(raw, limit);
      const req = createSimRequest(raw, body ?? Buffer.alloc(0), this.url);
      // The control path is the sandbox user's, not the client's: never logged, never faulted.
      if (req.path === CONTROL_PATH || req.path.startsWith(`${CONTROL_PATH}/`)) {
        return sendResponse(res, control(this, req, raw.socket.remoteAddress));
      }
      if (body === undefined) {
        this.#record(req, undefined);
        // The rest of the body stays unread, so the connection cannot carry another request.
        res.setHeader('connection', 'close');
        return sendResponse(res, { status: 413, body: { error: `request body exceeds ${limit} bytes` } });
      }
      const fault = this.#faults.take(req);
      this.#record(req, fault);
      await respond(res, fault, () => this.#run(req), signal);
    } catch (error) {
      // Nobody is left to answer when the client hung up or the simulator is stopping.
      if (!signal.aborted) failResponse(res, error);
    }
  }

  async #run(req: SimRequest): Promise<SimResponse> {
    try {
      return await this.#options.handler(req, { state: this.state, sim: this });
    } catch (error) {
      return errorResponse(error);
    }
  }

  #record(req: SimRequest, fault: Fault | undefined): void {
    this.#requests += 1;
    this.#log.push({
      method: req.method,
      path: req.path,
      query: Object.fromEntries(req.query),
      headers: req.headers,
      body: req.text,
      at: Date.now(),
      ...(fault && { fault: fault.kind }),
    });
  }
}

/** Aborts when the response closes: finished, or the client went away. */
function closeSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => controller.abort());
  return controller.signal;
}
