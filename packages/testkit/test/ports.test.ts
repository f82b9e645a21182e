import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { unusedPort } from '../src/index.js';
import { harness } from './support.js';

const { agent } = harness();

describe('unusedPort', () => {
  it('gives a loopback port that refuses connections', async () => {
    const port = await unusedPort();
    expect(port).toBeGreaterThan(0);
    await expect(request(`http://127.0.0.1:${port}/`, { dispatcher: agent })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
