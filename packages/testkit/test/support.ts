import { Agent, request } from 'undici';
import { afterAll, afterEach, expect, vi } from 'vitest';

interface Startable {
  start(): Promise<unknown>;
  stop(): Promise<void>;
}

type RequestOptions = NonNullable<Parameters<typeof request>[1]>;

/**
 * Per-file helpers: one keep-alive undici agent, closed after the file, and `start()` for servers that are
 * stopped after each test, so no test leaks a socket or a listening port.
 */
export function harness() {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const running: Startable[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });
  afterAll(async () => {
    await agent.close();
    // Every server and socket the file opened must be gone (libuv finishes closing them a loop turn later).
    await vi.waitFor(() => {
      expect(process.getActiveResourcesInfo().filter((name) => /^(TCP|TLS)/.test(name))).toEqual([]);
    });
  });

  return {
    agent,
    async start<T extends Startable>(server: T): Promise<T> {
      running.push(server);
      await server.start();
      return server;
    },
    /** Sends a request (through `agent` unless a dispatcher is given) and reads the whole body as text. */
    async fetchText(url: string, options: RequestOptions = {}) {
      const res = await request(url, { dispatcher: agent, ...options });
      return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
    },
  };
}

/** A promise and whether it has settled yet, so a test can assert that something is still waiting. */
export function track<T>(promise: Promise<T>): { readonly promise: Promise<T>; readonly settled: boolean } {
  const tracked = { promise, settled: false };
  promise.then(
    () => (tracked.settled = true),
    () => (tracked.settled = true),
  );
  return tracked;
}

/**
 * Lets the event loop turn (I/O included) until `condition` holds. It uses `setImmediate`, which a test's
 * `vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })` leaves alone, so it works under fake timers
 * (where `vi.waitFor` would advance the fake clock).
 */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise<void>((resolve) => setImmediate(resolve));
}
