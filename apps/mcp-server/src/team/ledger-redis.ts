import { LedgerUnavailable, type UsedTokens } from './ledger.js';

/** How long one ledger command may take before the call is refused as if Redis were down. */
const COMMAND_TIMEOUT_MS = 2_000;
/** The longest pause between reconnection attempts while Redis is down. */
const MAX_RECONNECT_DELAY_MS = 1_000;
/** Every key this server writes starts with it, so the ledger can share a Redis with other data. */
export const LEDGER_KEY_PREFIX = 'x-mcp-server:confirmation-used:';

/** Why a `--state` value is not a Redis URL, or undefined when it is one. Never repeats the value. */
export function redisUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL such as redis://127.0.0.1:6379 or rediss://user:password@host:6380/0';
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    return 'must start with redis:// or rediss:// (the in-memory ledger is the default when it is unset)';
  if (!url.hostname) return 'must name a host, as in redis://127.0.0.1:6379';
  return undefined;
}

/**
 * The ledger in Redis: `SET <prefix><mac> 1 NX PX <ms to expiry>` is one atomic command, so of any number of
 * replicas redeeming one token at once exactly one gets `OK`. The client never queues commands while
 * disconnected: a claim made while Redis is down fails at once (closed), and the client keeps reconnecting
 * in the background so the ledger comes back by itself.
 */
export class RedisLedger implements UsedTokens {
  readonly #client: RedisClient;
  readonly #now: () => number;

  private constructor(client: RedisClient, now: () => number) {
    this.#client = client;
    this.#now = now;
  }

  /**
   * Connects to Redis (the client library is loaded only here, so a server without `--state` never loads
   * it). Resolves once the first connection is up or has failed; either way the ledger is usable, and
   * refuses claims until Redis answers.
   */
  static async connect(url: string, now: () => number = () => Date.now()): Promise<RedisLedger> {
    // An optional peer dependency: a one-person install does not carry the Redis client (5 MB).
    let createClient: typeof import('@redis/client').createClient;
    try {
      ({ createClient } = await import('@redis/client'));
    } catch {
      throw new Error(
        '--state redis:// needs the Redis client next to the server: npm install @redis/client (it is an optional peer dependency)',
      );
    }
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: COMMAND_TIMEOUT_MS,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
      },
    }) as unknown as RedisClient;
    // Without a listener an 'error' event would end the process; the state shows in /readyz and in refusals.
    client.on('error', () => {});
    const first = client.connect().then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([first, new Promise((resolve) => setTimeout(resolve, COMMAND_TIMEOUT_MS).unref())]);
    return new RedisLedger(client, now);
  }

  async claim(id: string, expiresAt: number): Promise<boolean> {
    if (!this.#client.isReady) throw new LedgerUnavailable();
    const ttl = Math.max(1, expiresAt - this.#now());
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.#client.set(`${LEDGER_KEY_PREFIX}${id}`, '1', { NX: true, PX: ttl }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), COMMAND_TIMEOUT_MS);
        }),
      ]);
      // A command that lands after the timeout consumes the token without running the call: closed, not open.
      return answer === 'OK';
    } catch (error) {
      throw new LedgerUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async ready(): Promise<boolean> {
    if (!this.#client.isReady) return false;
    try {
      return (await this.#client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    try {
      this.#client.destroy();
    } catch {
      // already closed
    }
  }
}

/** The part of the node-redis client this ledger uses (its full generic type is costly to spell out). */
interface RedisClient {
  readonly isReady: boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  connect(): Promise<unknown>;
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  ping(): Promise<string>;
  destroy(): void;
}
