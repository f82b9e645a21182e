import { gzipSync } from 'node:zlib';
import { createSimulator, type Simulator } from '@x/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { Transport } from '../src/index.js';

const open: Array<{ close(): Promise<void> } | { stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => ('close' in item ? item.close() : item.stop())));
});

describe('compressed answers', () => {
  it('a gzip bomb is never decompressed: the body is the bytes that arrived, under the size cap', async () => {
    // 64 MiB of zeros compress to about 64 KiB: decompressing would blow past the 1 MiB cap below.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const sim: Simulator<undefined> = await createSimulator({
      name: 'gzip',
      handler: () => ({
        headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
        body: bomb,
      }),
    }).start();
    open.push(sim);
    const transport = new Transport({
      vendor: 'demo',
      product: { name: '@x/demo', version: '1.0.0' },
      maxResponseBytes: 1024 * 1024,
      env: {},
    });
    open.push(transport);
    const response = await transport.send(() => ({ method: 'GET', url: `${sim.url}/x` }), {
      endpoint: 'x',
      idempotent: true,
    });
    expect(response.body.length).toBe(bomb.length);
    // We never ask for compression, so a server that sends it anyway gets its bytes back untouched.
    expect(String(sim.log[0]?.headers['accept-encoding'] ?? '')).not.toMatch(/gzip|br|deflate/);
  });
});
