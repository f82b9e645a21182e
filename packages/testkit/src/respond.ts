import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { Fault } from './faults.js';
import { prepareResponse, type SimResponse, sendResponse } from './response.js';

/** Large enough to stream fast, small enough that an oversized body never sits in memory at once. */
const STREAM_CHUNK_BYTES = 64 * 1024;
const DEFAULT_SLOW_CHUNK_BYTES = 16;
const QUOTE = 0x22;
const FILLER = 0x61; // 'a'

/**
 * Answers one request: runs the handler (`run`) unless the fault replaces it, and shapes how the bytes reach
 * the wire. Rejects with an AbortError when `signal` aborts (client gone or simulator stopping).
 */
export async function respond(
  res: ServerResponse,
  fault: Fault | undefined,
  run: () => Promise<SimResponse>,
  signal: AbortSignal,
): Promise<void> {
  switch (fault?.kind) {
    case undefined:
      return sendResponse(res, await run());
    case 'delay':
      await sleep(fault.ms, signal);
      return sendResponse(res, await run());
    case 'status': {
      const { kind: _, ...response } = fault;
      return sendResponse(res, response);
    }
    case 'reset':
      return reset(res.socket);
    case 'reset-mid-body':
      return closeMidBody(res, prepareResponse(res, await run()));
    case 'truncate':
      return truncate(res, prepareResponse(res, await run()));
    case 'slow-body':
      return trickle(res, prepareResponse(res, await run()), fault, signal);
    case 'malformed':
      return sendResponse(res, {
        headers: { 'content-type': fault.contentType ?? 'text/html; charset=utf-8' },
        body: fault.body,
      });
    case 'oversized':
      return streamOversized(res, fault.bytes, fault.declareLength ?? true, signal);
    case 'redirect':
      return sendResponse(res, { status: fault.status ?? 302, headers: { location: fault.location } });
    case 'hang':
      // Deliberately leave the response open; stop() or the client closes the socket.
      return;
  }
}

/**
 * Waits `ms` on the global `setTimeout`, rejecting with the signal's reason when it aborts. Not
 * `node:timers/promises`: a test that installs fake timers (`vi.useFakeTimers()`) drives this one, so it can
 * check a delay by the order of events instead of by measuring time.
 */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function reset(socket: Socket | null): void {
  // An RST, not a FIN, is what a crashed server or a middlebox produces (clients see ECONNRESET). Node can only
  // send one on a raw TCP handle; over TLS the closest is dropping the connection without close_notify.
  if (socket instanceof TLSSocket) socket.destroy();
  else socket?.resetAndDestroy();
}

function closeMidBody(res: ServerResponse, body: Buffer): void {
  // flushHeaders() so the headers leave even when half the body is zero bytes.
  res.flushHeaders();
  res.write(body.subarray(0, Math.floor(body.length / 2)));
  // end() before destroy() so the bytes already queued are flushed, not discarded with the socket.
  const socket = res.socket;
  socket?.end(() => socket.destroy());
}

function truncate(res: ServerResponse, body: Buffer): void {
  const cut = body.subarray(0, Math.floor(body.length / 2));
  res.setHeader('content-length', cut.length);
  res.end(cut);
}

async function trickle(
  res: ServerResponse,
  body: Buffer,
  { chunkBytes = DEFAULT_SLOW_CHUNK_BYTES, intervalMs }: Extract<Fault, { kind: 'slow-body' }>,
  signal: AbortSignal,
): Promise<void> {
  res.flushHeaders();
  for (let offset = 0; offset < body.length; offset += chunkBytes) {
    await sleep(intervalMs, signal);
    res.write(body.subarray(offset, offset + chunkBytes));
  }
  res.end();
}

async function streamOversized(
  res: ServerResponse,
  bytes: number,
  declareLength: boolean,
  signal: AbortSignal,
): Promise<void> {
  res.statusCode = 200;
  // A plausible JSON answer, so a client that checks the content-type still reads on until its size cap.
  res.setHeader('content-type', 'application/json');
  if (declareLength) res.setHeader('content-length', bytes);
  for (let sent = 0; sent < bytes; ) {
    const chunk = Buffer.alloc(Math.min(STREAM_CHUNK_BYTES, bytes - sent), FILLER);
    if (sent === 0) chunk[0] = QUOTE;
    sent += chunk.length;
    if (sent === bytes) chunk[chunk.length - 1] = QUOTE;
    // Honour backpressure: a slow (or capped) reader must not make us buffer the whole body.
    if (!res.write(chunk)) await once(res, 'drain', { signal });
  }
  res.end();
}
