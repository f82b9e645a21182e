import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, isIPv4, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream';
import { close, LOOPBACK, listen } from './ports.js';
import { SocketSet } from './sockets.js';

/** One request the proxy received, refused ones included. */
export interface ProxyLogEntry {
  /** `CONNECT` for tunnels, else the forwarded method. */
  method: string;
  /** `host:port` for CONNECT, the absolute URL otherwise. */
  target: string;
  /** The request headers as the proxy saw them (`proxy-authorization` included). */
  headers: IncomingHttpHeaders;
}

/** A loopback HTTP forward proxy. `await using` stops it. */
export interface ProxyServer extends AsyncDisposable {
  /** Listens on 127.0.0.1 with a port the kernel picks. Resolves to the proxy itself. */
  start(): Promise<ProxyServer>;
  /** Closes the proxy, its tunnels and its upstream connections at once. */
  stop(): Promise<void>;
  /** The proxy's URL, e.g. `http://127.0.0.1:34567`, for `new ProxyAgent(proxy.url)`. Throws unless started. */
  readonly url: string;
  /** Every request received, oldest first. */
  readonly log: readonly ProxyLogEntry[];
}

/**
 * Creates a forward proxy that tunnels CONNECT (HTTPS, or HTTP through a tunnel) and forwards absolute-form
 * plain HTTP requests. It answers 403 to any target that is not loopback (127.0.0.0/8, ::1, localhost): this
 * project never sends traffic off the machine, even by mistake in a test.
 */
export function createProxy(): ProxyServer {
  return new LoopbackProxy();
}

/** Request headers that describe the client-to-proxy hop and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

class LoopbackProxy implements ProxyServer {
  readonly #log: ProxyLogEntry[] = [];
  readonly #sockets = new SocketSet();
  #server: Server | undefined;
  #port: number | undefined;

  async start(): Promise<ProxyServer> {
    if (this.#server !== undefined) throw new Error('proxy is already started');
    const server = createServer((req, res) => this.#forward(req, res));
    server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.#tunnel(req, socket, head),
    );
    server.on('connection', (socket: Socket) => this.#sockets.add(socket));
    this.#server = server;
    try {
      this.#port = await listen(server);
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
    const closed = close(server);
    this.#sockets.destroyAll();
    await closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  get url(): string {
    if (this.#port === undefined) throw new Error('proxy is not started');
    return `http://${LOOPBACK}:${this.#port}`;
  }

  get log(): readonly ProxyLogEntry[] {
    return this.#log;
  }

  #tunnel(req: IncomingMessage, client: Duplex, head: Buffer): void {
    const target = req.url ?? '';
    this.#log.push({ method: 'CONNECT', target, headers: req.headers });
    const destination = parseAuthority(target);
    if (destination === undefined) {
      refuseTunnel(client, '400 Bad Request');
      return;
    }
    const host = dialHost(destination.hostname);
    if (host === undefined) {
      refuseTunnel(client, '403 Forbidden');
      return;
    }

    const upstream = connect({ host, port: destination.port });
    this.#sockets.add(upstream);
    client.on('error', () => upstream.destroy());
    const unreachable = (): void => refuseTunnel(client, '502 Bad Gateway');
    upstream.once('error', unreachable);
    upstream.once('connect', () => {
      upstream.off('error', unreachable);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      // Bytes the client sent right behind the CONNECT head belong to the tunnel.
      if (head.length > 0) upstream.write(head);
      // pipeline() destroys both ends when either fails, so a reset on one side reaches the other.
      pipeline(client, upstream, () => {});
      pipeline(upstream, client, () => {});
    });
  }

  #forward(req: IncomingMessage, res: ServerResponse): void {
    const target = req.url ?? '';
    this.#log.push({ method: req.method ?? 'GET', target, headers: req.headers });
    const url = parseUrl(target);
    if (url?.protocol !== 'http:') {
      refuse(res, 400, 'the proxy expects an absolute http:// URL');
      return;
    }
    const host = dialHost(url.hostname);
    if (host === undefined) {
      refuse(res, 403, `${url.hostname} is not a loopback host`);
      return;
    }

    const upstream = httpRequest({
      host,
      port: url.port || 80,
      method: req.method,
      path: url.pathname + url.search,
      headers: forwardable(req.rawHeaders),
      // One connection per request: nothing pooled outlives stop().
      agent: false,
    });
    upstream.on('socket', (socket) => this.#sockets.add(socket));
    upstream.once('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, forwardable(answer.rawHeaders));
      pipeline(answer, res, () => {});
    });
    upstream.once('error', (error) => {
      if (res.headersSent) res.destroy();
      else refuse(res, 502, error.message);
    });
    pipeline(req, upstream, () => {});
  }
}

function refuseTunnel(client: Duplex, status: string): void {
  client.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(message);
}

/**
 * The address to dial for a URL hostname (WHATWG-normalised, so `127.1` arrives as `127.0.0.1`), or
 * `undefined` when it is not loopback. `localhost` is dialled as 127.0.0.1 rather than resolved, so no
 * resolver configuration can send a connection elsewhere.
 */
function dialHost(hostname: string): string | undefined {
  if (hostname === 'localhost') return LOOPBACK;
  if (hostname === '[::1]') return '::1';
  if (isIPv4(hostname) && hostname.startsWith('127.')) return hostname;
  return undefined;
}

/** Splits a CONNECT `host:port`; the hostname is normalised like a URL's. */
function parseAuthority(authority: string): { hostname: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:[\]/?#@\s]+):(\d{1,5})$/.exec(authority);
  const port = Number(match?.[2]);
  const url = match && port >= 1 && port <= 65535 ? parseUrl(`http://${match[1]}`) : undefined;
  return url && { hostname: url.hostname, port };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Drops hop-by-hop headers from a raw `[name, value, …]` list, keeping order and case. */
function forwardable(rawHeaders: string[]): string[] {
  const named = new Set(HOP_BY_HOP);
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'connection') {
      for (const name of rawHeaders[i + 1]?.split(',') ?? []) named.add(name.trim().toLowerCase());
    }
  }
  const kept: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const [name, value] = [rawHeaders[i] ?? '', rawHeaders[i + 1] ?? ''];
    if (!named.has(name.toLowerCase())) kept.push(name, value);
  }
  return kept;
}
