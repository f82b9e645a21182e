import type { AddressInfo, Server } from 'node:net';
import { createServer } from 'node:net';

/** Every server in this package binds here: nothing is ever reachable from outside the machine. */
export const LOOPBACK = '127.0.0.1';

/**
 * A loopback TCP port with nothing listening, for "connection refused" tests. The kernel picked it as free
 * a moment ago; another process could take it in between, which on a test machine is rare enough to ignore.
 */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

/** Listens on a loopback port (0, the default: one the kernel picks) and returns it. */
export function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes a listening server; resolves once every connection is gone. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
