import { afterEach, describe, expect, it } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

const REDACTED = '[REDACTED]';

let server: Awaited<ReturnType<typeof startTrustServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs a tool that needs confirmation: the preview, then the same arguments with its token. */
async function confirmed(name: string, args: Record<string, unknown>) {
  if (!server) throw new Error('no server');
  const first = payloadOf(await server.call(name, args));
  expect(first.status, JSON.stringify(first)).toBe('confirmation_required');
  const result = await server.call(name, { ...args, confirmation_token: first.confirmation_token });
  return { preview: first, result };
}

describe('license keys are data the user asked for', () => {
  it('an ELS key round trip through the tools: create, list, update, remove', async () => {
    server = await startTrustServer();
    const created = payloadOf(await server.call('tuxcare_els_key_create', { code: 'CELS', limit: 2 }));
    const key = (created.result as { key?: unknown }).key;
    expect(typeof key).toBe('string');
    expect(key).not.toContain(REDACTED);
    // The key returned is the key the vendor made: the one the other tools take.
    expect(server.sims.tuxcare.state.elsKeys.map((row) => row.key)).toContain(key);

    const listed = await server.call('tuxcare_els_key_list', { code: 'CELS' });
    expect(JSON.stringify(listed)).toContain(String(key));

    const update = await confirmed('tuxcare_els_key_update', { key, limit: 5 });
    const request = update.preview.request as {
      params: Record<string, unknown>;
      host: string;
      account: string;
    };
    // The preview names the key it changes, masks only the token, and says where and as whom.
    expect(request.params.key).toBe(key);
    expect(request.params.token).toBe(REDACTED);
    expect(request.account).toBe('default');
    expect(request.host).toBe(new URL(server.sims.tuxcare.url).host);
    expect(update.result.isError).toBeFalsy();
    expect(server.sims.tuxcare.state.elsKeys.find((row) => row.key === key)?.usageLimit).toBe(5);

    const removed = await confirmed('tuxcare_els_key_remove', { key });
    expect(removed.result.isError, JSON.stringify(removed.result)).toBeFalsy();
    expect(server.sims.tuxcare.state.elsKeys.map((row) => row.key)).not.toContain(key);
  });

  it('a KernelCare key is returned by create and by list', async () => {
    server = await startTrustServer();
    const created = payloadOf(await server.call('tuxcare_kcare_key_create', { limit: 1 }));
    const key = (created.result as { key?: unknown }).key;
    expect(typeof key).toBe('string');
    expect(server.sims.tuxcare.state.kcKeys.map((row) => row.key)).toContain(key);
    expect(JSON.stringify(await server.call('tuxcare_kcare_key_list', {}))).toContain(String(key));
  });

  it('an argument that is the redaction marker is refused by name, and nothing is sent', async () => {
    server = await startTrustServer();
    const before = server.sims.tuxcare.log.length;
    const result = await server.call('tuxcare_els_key_remove', { key: REDACTED });
    expect(result.isError).toBe(true);
    const error = payloadOf(result).error as { issues: Array<{ path: string; message: string }> };
    expect(error.issues[0]?.path).toBe('key');
    expect(error.issues[0]?.message).toMatch(/marker .* hid a secret/);
    expect(server.sims.tuxcare.log.length).toBe(before);
  });
});
