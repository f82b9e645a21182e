import type { Socket } from 'node:net';

/**
 * The sockets a server has open. `stop()` destroys them because `server.close()` alone waits for keep-alive
 * clients, hung requests and proxy tunnels to go away by themselves.
 */
export class SocketSet {
  readonly #open = new Set<Socket>();

  add(socket: Socket): void {
    this.#open.add(socket);
    socket.once('close', () => this.#open.delete(socket));
  }

  destroyAll(): void {
    for (const socket of this.#open) socket.destroy();
  }
}

/**
 * Sums `bytesRead` over sockets, live ones included, so a test can assert that a client sent nothing at all.
 * Reading `bytesRead` rather than listening for 'data' matters: the HTTP parser consumes the socket natively
 * and no 'data' event ever fires.
 */
export class ByteCounter {
  /** Each watched open socket, with its `bytesRead` at the last reset. */
  readonly #open = new Map<Socket, number>();
  #closed = 0;

  watch(socket: Socket): void {
    this.#open.set(socket, 0);
    socket.once('close', () => {
      this.#closed += socket.bytesRead - (this.#open.get(socket) ?? 0);
      this.#open.delete(socket);
    });
  }

  get total(): number {
    let total = this.#closed;
    for (const [socket, baseline] of this.#open) total += socket.bytesRead - baseline;
    return total;
  }

  reset(): void {
    this.#closed = 0;
    for (const socket of this.#open.keys()) this.#open.set(socket, socket.bytesRead);
  }
}
