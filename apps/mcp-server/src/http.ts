import { timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, BlockList, isIP } from 'node:net';
import type { AuthInfo, Server } from '@modelcontextprotocol/server';
import type { OAuthGate } from './team/oauth.js';

/** Connection limits of the HTTP endpoint: what a slow or greedy client may hold, and for how long. */
export interface HttpLimits {
  /** Time to receive a request's headers, from its first byte (or from the connection when none came). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. The tool call that follows is not bounded by it. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; further ones are closed as they arrive. */
  maxConnections: number;
}

/**
 * Defaults of {@link HttpLimits}, much tighter than node:http's (60 s headers, 300 s request, no cap):
 * a real client sends its headers in one packet and a body of at most 1 MiB, while each open connection
 * costs a file descriptor. The cap stays above the 200 concurrent requests the server is tested with.
 */
export const HTTP_LIMITS: Readonly<HttpLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
};

/** Each limit may be left out (or undefined) for its default in {@link HTTP_LIMITS}. */
type OptionalLimits = { [K in keyof HttpLimits]?: HttpLimits[K] | undefined };

/** Options of the Streamable HTTP endpoint. */
export interface HttpOptions extends OptionalLimits {
  host: string;
  port: number;
  /** Required whenever `host` is not a loopback address; at least 32 characters (see {@link authTokenProblem}). */
  authToken?: string | undefined;
  /**
   * Extra `host[:port]` names to accept in Host and Origin headers (a reverse proxy's name), besides loopback
   * names and the bind address on the listening port. An entry without a port accepts any port.
   */
  allowedHosts?: readonly string[] | undefined;
  /** Extra Origin values to accept exactly (`http://localhost:6274`), besides those of allowed hosts. */
  allowedOrigins?: readonly string[] | undefined;
  /** Request body cap (default 1 MiB; tool arguments are small). */
  maxBodyBytes?: number | undefined;
  /** OAuth 2.1 resource server (exclusive with `authToken`): metadata, 401 challenges, local JWT checks. */
  oauth?: OAuthGate | undefined;
  /** What `/readyz` checks (the shared ledger); `/healthz` checks nothing beyond the process answering. */
  ready?: (() => Promise<boolean>) | undefined;
  /** A fresh MCP server per request: no state is shared between clients. */
  createServer: (request: HttpRequestInfo) => Server;
}

/** What the HTTP endpoint knows about one request when it creates its server. */
export interface HttpRequestInfo {
  /** The verified token (OAuth only). */
  authInfo?: AuthInfo | undefined;
  /** The request's W3C `traceparent`, when it is well-formed. */
  traceparent?: string | undefined;
}

const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/** A W3C trace-context `traceparent` header when well-formed (version, trace id, parent id, flags). */
export function traceparentOf(value: string | null | undefined): string | undefined {
  return value && value.length === 55 && TRACEPARENT.test(value) && !value.startsWith('ff')
    ? value
    : undefined;
}

/** A running HTTP endpoint. */
export interface RunningHttp {
  /** `http://host:port/mcp` */
  url: string;
  close(): Promise<void>;
}

/** A parsed `host[:port]`: a lower-case host name or an IP literal (IPv6 without brackets), and the port if given. */
export interface HostPort {
  host: string;
  port?: number | undefined;
}

const HOST_PORT = /^(?:\[([^\]]*)\]|([^:[\]]+))(?::(\d{1,5}))?$/;
const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

/**
 * Parses `host[:port]` as a Host header, a bind address or an --allowed-hosts entry carries it: a host name,
 * an IPv4 literal, a bracketed IPv6 literal (`[::1]:3333`) or a bare IPv6 literal (no port then). Returns
 * undefined for anything else. The one parser behind every host decision, so no check can fall back on
 * string prefixes (`127.attacker.example` is a host name like any other, not a loopback address).
 */
export function parseHost(value: string): HostPort | undefined {
  const text = value.toLowerCase();
  if (isIP(text) === 6) return { host: text };
  const match = HOST_PORT.exec(text);
  if (!match) return undefined;
  const [, bracketed, name, port] = match;
  if (bracketed !== undefined && isIP(bracketed) !== 6) return undefined;
  if (name !== undefined && isIP(name) !== 4 && !HOST_NAME.test(name)) return undefined;
  const number = port === undefined ? undefined : Number(port);
  if (number !== undefined && number > 65_535) return undefined;
  return { host: (bracketed ?? name) as string, port: number };
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Parses an Origin header value: exactly `scheme://host[:port]` with scheme http or https (anything the URL
 * parser would have to normalise is not an origin a browser sends). The port defaults by scheme.
 */
export function parseOrigin(value: string): HostPort | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.origin !== value || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  const parsed = parseHost(url.host);
  return parsed && { host: parsed.host, port: parsed.port ?? (url.protocol === 'https:' ? 443 : 80) };
}

/** Whether a parsed host is `localhost` or an IP address in 127.0.0.0/8 or ::1. */
function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether a bind address (no port) only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  const parsed = parseHost(host);
  return parsed !== undefined && parsed.port === undefined && isLoopbackHost(parsed.host);
}

/** Why a bearer token is too weak, or undefined when it is acceptable. */
export function authTokenProblem(token: string): string | undefined {
  if (token.length >= 32 && !/\s/.test(token)) return undefined;
  return 'must be at least 32 characters with no whitespace; generate one with `openssl rand -hex 32`';
}

/** The most JSON-RPC messages one batch may carry. */
const MAX_BATCH = 100;

function jsonRpcError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  code = status === 400 ? -32700 : -32000,
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/** The request's headers as a web Headers object (repeated headers joined, as HTTP allows). */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Writes a web Response to a Node response, streaming its body (an SSE answer arrives piece by piece). */
async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  try {
    for await (const chunk of response.body) {
      if (res.destroyed) break;
      res.write(chunk);
    }
  } finally {
    res.end();
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

const UNSPECIFIED = new Set(['0.0.0.0', '::']);

/**
 * The DNS-rebinding check shared by Host and Origin: a name is ours when it is an allowed host (on its port
 * when the entry names one), or a loopback name or the bind address on the port we listen on. The port
 * matters for loopback: `localhost:5173` is another local application, not this server.
 */
function hostCheck(options: HttpOptions, listening: () => number) {
  const allowed = (options.allowedHosts ?? []).map((entry) => {
    const parsed = parseHost(entry);
    if (!parsed)
      throw new Error(`allowed host "${entry}" is not a host name or IP address with an optional port`);
    return parsed;
  });
  const bind = parseHost(options.host)?.host;
  return (target: HostPort, defaultPort: number): boolean => {
    const port = target.port ?? defaultPort;
    if (allowed.some((entry) => entry.host === target.host && (entry.port ?? port) === port)) return true;
    if (port !== listening()) return false;
    return isLoopbackHost(target.host) || (target.host === bind && !UNSPECIFIED.has(bind));
  };
}

/**
 * Serves MCP over stateless Streamable HTTP on `/mcp`: POST only (no sessions, so no GET stream or DELETE),
 * Host and Origin checked against DNS rebinding, an optional bearer token (mandatory off loopback), a body
 * cap, connection timeouts and a connection cap, and a fresh server and transport per request.
 */
export async function startHttp(options: HttpOptions): Promise<RunningHttp> {
  const bind = parseHost(options.host);
  if (!bind || bind.port !== undefined) {
    throw new Error(`bind address "${options.host}" must be a host name or IP address without a port`);
  }
  if (!isLoopback(options.host) && !options.authToken && !options.oauth) {
    throw new Error(
      `refusing to listen on ${options.host} without --auth-token or --oauth-issuer: anyone who can reach it could use your accounts`,
    );
  }
  if (options.authToken && options.oauth) throw new Error('--auth-token and --oauth-issuer are exclusive');
  const tokenProblem = options.authToken === undefined ? undefined : authTokenProblem(options.authToken);
  if (tokenProblem) throw new Error(`the auth token ${tokenProblem}`);
  // Loaded here, not at the top: options.ts uses this module's parsers on every start, stdio included.
  const { createMcpHandler } = await import('@modelcontextprotocol/server');
  // One handler serves 2026-07-28 per request and 2025-era clients statelessly (a fresh server from the
  // factory for every request, so nothing is shared between clients). It answers JSON, and upgrades to an
  // SSE stream only when a call sends notifications first (the progress of a long wait).
  const mcp = createMcpHandler(
    (ctx) =>
      options.createServer({
        authInfo: ctx.authInfo,
        traceparent: traceparentOf(ctx.requestInfo?.headers.get('traceparent')),
      }),
    { legacy: 'stateless' },
  );
  const limits: HttpLimits = {
    headersTimeoutMs: options.headersTimeoutMs ?? HTTP_LIMITS.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? HTTP_LIMITS.requestTimeoutMs,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? HTTP_LIMITS.keepAliveTimeoutMs,
    maxConnections: options.maxConnections ?? HTTP_LIMITS.maxConnections,
  };
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const expectedAuth = options.authToken ? Buffer.from(`Bearer ${options.authToken}`) : undefined;
  let port = options.port;
  const ours = hostCheck(options, () => port);

  const allowedHost = (value: string | undefined): boolean => {
    const parsed = value === undefined ? undefined : parseHost(value);
    return parsed !== undefined && ours(parsed, 80);
  };
  const allowedOrigin = (value: string | undefined): boolean => {
    if (value === undefined) return true; // not a browser
    if ((options.allowedOrigins ?? []).includes(value)) return true;
    const origin = parseOrigin(value);
    return origin !== undefined && ours(origin, origin.port as number);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Probes come first, before the Host check: a load balancer asks by IP address, and the answers say
    // nothing but up/down. Liveness never touches a vendor or Redis; readiness asks the shared ledger.
    if (path === '/healthz' || path === '/readyz') {
      const up = path === '/healthz' || (await (options.ready?.() ?? Promise.resolve(true)));
      res.writeHead(up ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: up ? 'ok' : 'unavailable' }));
      return;
    }
    const metadata = options.oauth?.metadataPaths.includes(path) ? options.oauth.metadata : undefined;
    if (path !== '/mcp' && !metadata) return jsonRpcError(res, 404, 'Not found: the MCP endpoint is /mcp');
    if (!allowedHost(req.headers.host)) return jsonRpcError(res, 403, 'Forbidden: Host header not allowed');
    if (!allowedOrigin(req.headers.origin)) return jsonRpcError(res, 403, 'Forbidden: Origin not allowed');
    if (metadata) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
      res.end(JSON.stringify(metadata));
      return;
    }
    let authInfo: AuthInfo | undefined;
    if (options.oauth) {
      const verified = await options.oauth.authenticate(req.headers.authorization);
      if (verified instanceof Response) return writeResponse(res, verified);
      authInfo = verified;
    }
    if (expectedAuth) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expectedAuth.length || !timingSafeEqual(given, expectedAuth)) {
        return jsonRpcError(res, 401, 'Unauthorized: send Authorization: Bearer <token>', {
          'www-authenticate': 'Bearer',
        });
      }
    }
    if (req.method !== 'POST') {
      return jsonRpcError(res, 405, 'Method not allowed: this stateless endpoint takes POST only', {
        allow: 'POST',
      });
    }
    const body = await readBody(req, limit);
    if (body === 'too-large') return jsonRpcError(res, 413, `Payload too large (limit ${limit} bytes)`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return jsonRpcError(res, 400, 'Parse error: the body is not JSON');
    }
    // A 2025-era batch runs every message in it; more than a client ever needs is refused before any runs.
    if (Array.isArray(parsed) && parsed.length > MAX_BATCH) {
      return jsonRpcError(res, 400, `Invalid Request: at most ${MAX_BATCH} messages in a batch`, {}, -32600);
    }
    // The checks above ran on the Node request; the SDK handler takes a web Request. A client that goes
    // away aborts the exchange, which cancels the tool call it was waiting for.
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const response = await mcp.fetch(
      new Request(`http://localhost${req.url ?? '/mcp'}`, {
        method: 'POST',
        headers: webHeaders(req),
        body,
        signal: aborted.signal,
      }),
      authInfo ? { authInfo } : undefined,
    );
    await writeResponse(res, response);
  };

  const http: HttpServer = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // node:http enforces both timeouts only when it sweeps its connections (every 30 s by default), so
      // a slow client would keep its socket up to 30 s past the timeout.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) jsonRpcError(res, 500, 'Internal error');
        else res.destroy();
      });
    },
  );
  http.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, bind.host, () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  const shown = bind.host.includes(':') ? `[${bind.host}]` : bind.host;
  return {
    url: `http://${shown}:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
