import { timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** Options of the Streamable HTTP endpoint. */
export interface HttpOptions {
  host: string;
  port: number;
  /** Required whenever `host` is not a loopback address. */
  authToken?: string | undefined;
  /** Extra Host header values to accept (a reverse proxy's name), besides the bind address and localhost. */
  allowedHosts?: readonly string[] | undefined;
  /** Extra Origin values to accept, besides localhost origins. */
  allowedOrigins?: readonly string[] | undefined;
  /** Request body cap (default 1 MiB; tool arguments are small). */
  maxBodyBytes?: number | undefined;
  /** A fresh MCP server per request: no state is shared between clients. */
  createServer: () => Server;
}

/** A running HTTP endpoint. */
export interface RunningHttp {
  /** `http://host:port/mcp` */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether a bind address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

function jsonRpcError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(
    JSON.stringify({ jsonrpc: '2.0', error: { code: status === 400 ? -32700 : -32000, message }, id: null }),
  );
}

function hostOf(value: string): string {
  try {
    return new URL(`http://${value}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
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

/**
 * Serves MCP over stateless Streamable HTTP on `/mcp`: POST only (no sessions, so no GET stream or DELETE),
 * Host and Origin checked against DNS rebinding, an optional bearer token (mandatory off loopback), a body
 * cap, and a fresh server and transport per request.
 */
export async function startHttp(options: HttpOptions): Promise<RunningHttp> {
  if (!isLoopback(options.host) && !options.authToken) {
    throw new Error(
      `refusing to listen on ${options.host} without --auth-token: anyone who can reach it could use your accounts`,
    );
  }
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const expectedAuth = options.authToken ? Buffer.from(`Bearer ${options.authToken}`) : undefined;
  let port = options.port;

  const allowedHost = (value: string | undefined): boolean => {
    if (!value) return false;
    const name = hostOf(value);
    if (isLoopback(name) || name === options.host) return true;
    return (options.allowedHosts ?? []).some((allowed) => allowed === value || allowed === name);
  };
  const allowedOrigin = (value: string | undefined): boolean => {
    if (value === undefined) return true; // not a browser
    try {
      const origin = new URL(value);
      if (isLoopback(origin.hostname.replace(/^\[|\]$/g, ''))) return true;
    } catch {
      return false;
    }
    return (options.allowedOrigins ?? []).includes(value);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/mcp') return jsonRpcError(res, 404, 'Not found: the MCP endpoint is /mcp');
    if (!allowedHost(req.headers.host)) return jsonRpcError(res, 403, 'Forbidden: Host header not allowed');
    if (!allowedOrigin(req.headers.origin)) return jsonRpcError(res, 403, 'Forbidden: Origin not allowed');
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
    const server = options.createServer();
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true }); // no sessionIdGenerator: stateless;
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, parsed);
  };

  const http: HttpServer = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) jsonRpcError(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  http.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
