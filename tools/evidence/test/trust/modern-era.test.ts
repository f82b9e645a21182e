import { afterEach, describe, expect, it } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

let server: Awaited<ReturnType<typeof startTrustServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('2026-07-28 clients: the v2 SDK Client, pinned to the current revision', () => {
  it('negotiates 2026-07-28 and lists the tools in the same deterministic order on every call', async () => {
    server = await startTrustServer({ carrier: { kind: 'modern' } });
    expect(server.modern?.getProtocolEra()).toBe('modern');
    const listing = await server.modern?.listTools();
    // A cache hint: the listing is fixed for the process, and per client (its capabilities shape it).
    expect(listing).toMatchObject({ ttlMs: 300_000, cacheScope: 'private' });
    const first = listing?.tools.map((tool) => tool.name) ?? [];
    const second = (await server.modern?.listTools())?.tools.map((tool) => tool.name) ?? [];
    expect(first.length).toBeGreaterThan(200);
    expect(second).toEqual(first);
    const read = payloadOf(await server.call('tuxcare_els_key_list', { code: 'CELS' }));
    expect(Array.isArray(read.result)).toBe(true);
  });

  it('confirms through input_required: the question shows what is destroyed; accepted, the call runs once', async () => {
    const asked: string[] = [];
    server = await startTrustServer({
      carrier: {
        kind: 'modern',
        answer: async (message) => {
          asked.push(message);
          return { action: 'accept', content: { confirm: true } };
        },
      },
    });
    const key = String(server.sims.tuxcare.state.elsKeys[0]?.key);
    const result = await server.call('tuxcare_els_key_remove', { key });
    expect(result.isError, JSON.stringify(result).slice(0, 400)).toBeFalsy();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(`key = ${key}`);
    expect(asked[0]).toContain('Account "default"');
    expect(server.sims.tuxcare.state.elsKeys.map((row) => row.key)).not.toContain(key);
    // A client that can be asked is never shown the token field.
    const listed = await server.modern?.listTools();
    const remove = listed?.tools.find((tool) => tool.name === 'tuxcare_els_key_remove');
    expect(Object.keys(remove?.inputSchema.properties ?? {})).not.toContain('confirmation_token');
  });

  it('declined through input_required: nothing is sent', async () => {
    server = await startTrustServer({
      carrier: { kind: 'modern', answer: async () => ({ action: 'decline' }) },
    });
    const key = String(server.sims.tuxcare.state.elsKeys[0]?.key);
    const sent = server.sims.tuxcare.log.length;
    const body = payloadOf(await server.call('tuxcare_els_key_remove', { key }));
    expect(body.status).toBe('declined');
    expect(server.sims.tuxcare.log.length).toBe(sent);
  });

  it('a 2026-07-28 client without elicitation gets the bound token, as a 2025 client does', async () => {
    server = await startTrustServer({ carrier: { kind: 'modern' } });
    const key = String(server.sims.tuxcare.state.elsKeys[0]?.key);
    const first = payloadOf(await server.call('tuxcare_els_key_remove', { key }));
    expect(first.status).toBe('confirmation_required');
    const done = await server.call('tuxcare_els_key_remove', {
      key,
      confirmation_token: first.confirmation_token,
    });
    expect(done.isError).toBeFalsy();
    const again = await server.call('tuxcare_els_key_remove', {
      key,
      confirmation_token: first.confirmation_token,
    });
    expect(JSON.stringify(again)).toMatch(/already used/);
  });
});
