import { afterEach, describe, expect, it } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

const REDACTED = '[REDACTED]';

let server: Awaited<ReturnType<typeof startTrustServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The VMmanager simulator's current session token (the client logs in on its first call). */
async function vmSessionToken(): Promise<string> {
  if (!server) throw new Error('no server');
  await server.call('vmmanager_host_list', {});
  const token = server.sims.vmmanager.state.tokens.at(-1)?.token;
  if (!token) throw new Error('no VMmanager session');
  return token;
}

/** A JSON text nesting `leaf` `depth` levels deep in arrays, built without recursion. */
function deeplyNested(leaf: string, depth: number): string {
  return `${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`;
}

describe('vendor answers are redacted by value at any depth and in keys', () => {
  it('a session token as an object key and 1,000 levels deep is masked; ordinary fields stay', async () => {
    server = await startTrustServer({ args: ['--max-result-chars', '200000'] });
    const token = await vmSessionToken();
    const host = server.sims.vmmanager.state.hosts[0];
    const body = `{"list":[{"id":${host?.id},"name":"web","comment":"fine","extra":{"${token}":1,"deep":${deeplyNested(`t ${token}`, 1_000)}}}],"size":1}`;
    server.sims.vmmanager.faults.add(
      { kind: 'malformed', body, contentType: 'application/json' },
      { match: { method: 'GET', path: '/vm/v3/host' } },
    );
    const result = await server.call('vmmanager_host_get', { host_id: host?.id });
    const text = JSON.stringify(result);
    expect(result.isError, text.slice(0, 400)).toBeFalsy();
    expect(text).not.toContain(token);
    expect(text).toContain(`t ${REDACTED}`);
    expect(text).toContain('"comment":"fine"');
  });
});

describe('every result obeys --max-result-chars', () => {
  it('a 5 MiB vendor error message becomes a short isError result that keeps its kind', async () => {
    server = await startTrustServer({ args: ['--max-result-chars', '3000'] });
    const huge = 'x'.repeat(5 * 1024 * 1024);
    server.sims.vmmanager.faults.add(
      { kind: 'status', status: 400, body: { error: { code: 1, msg: huge } } },
      { match: { method: 'GET' } },
    );
    const result = await server.call('vmmanager_host_list', {});
    expect(result.isError).toBe(true);
    const text = (result.content[0] as { text: string }).text;
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(result.structuredContent).length).toBeLessThanOrEqual(3000);
    const error = payloadOf(result).error as { kind: string; vendorMessage: string };
    expect(error.kind).toBe('api');
    expect(error.vendorMessage).toMatch(/^x+… \[cut: \d+ of \d+ characters\]$/);
  });
});

describe('the generic ISPmanager call is held to the typed tools’ policy', () => {
  it('a function whose typed tool is excluded is refused, whatever its case', async () => {
    server = await startTrustServer({
      args: ['--exclude-tools', 'ispmanager_user_delete', '--confirm', 'off'],
    });
    const user = String(server.sims.ispmanager.state.user[0]?.name);
    for (const func of ['user.delete', 'USER.DELETE', 'User.Delete']) {
      const result = await server.call('ispmanager_call', { func, params: { elid: user }, sok: true });
      expect(result.isError, func).toBe(true);
      expect(JSON.stringify(result)).toContain('ispmanager_user_delete, which is not enabled');
    }
    expect(server.sims.ispmanager.state.user.some((row) => row.name === user)).toBe(true);
  });

  it('reserved names are refused in any case; su is its own field, seen by the preview', async () => {
    server = await startTrustServer();
    for (const func of ['auth', 'AUTH', 'Auth', 'auth.']) {
      const result = await server.call('ispmanager_call', { func, dry_run: true });
      expect(result.isError, func).toBe(true);
    }
    for (const name of ['AUTHINFO', 'Out', 'SU', 'su', 'Func', 'SOK']) {
      const result = await server.call('ispmanager_call', {
        func: 'user',
        params: { [name]: 'x' },
        dry_run: true,
      });
      expect(result.isError, name).toBe(true);
      expect(JSON.stringify(result)).toContain(`params.${name}`);
    }
    const preview = payloadOf(
      await server.call('ispmanager_call', { func: 'user.edit', su: 'www-root', dry_run: true }),
    );
    expect((preview.request as { params: Record<string, unknown> }).params.su).toBe('www-root');
  });

  it('a known read through the generic call needs no confirmation; a write does', async () => {
    server = await startTrustServer();
    const read = await server.call('ispmanager_call', { func: 'user' });
    expect(read.isError, JSON.stringify(read).slice(0, 300)).toBeFalsy();
    expect(payloadOf(read).status).toBeUndefined();
    const write = payloadOf(
      await server.call('ispmanager_call', { func: 'user.delete', params: { elid: 'x' }, sok: true }),
    );
    expect(write.status).toBe('confirmation_required');
  });
});
