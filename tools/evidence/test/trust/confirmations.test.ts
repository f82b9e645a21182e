import { afterEach, describe, expect, it, vi } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

let server: Awaited<ReturnType<typeof startTrustServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test@example';

/** Spellings a lenient parser would take for the same token. */
function variants(token: string): string[] {
  const [stamp = '', mac = ''] = token.split('.');
  return [
    `${token}.x`,
    `0${token}`,
    ` ${token}`,
    `${token} `,
    `+${token}`,
    `${stamp.toUpperCase()}.${mac}`,
    `${stamp}.${mac.toUpperCase()}`,
    `00${stamp}.${mac}`,
    `${stamp}.${mac}=`,
    `${stamp}.${mac.slice(0, -1)}${String.fromCharCode(mac.charCodeAt(mac.length - 1) ^ 1)}`,
  ];
}

describe('confirmation tokens: one canonical form, single use, exactly once', () => {
  it('after one use, no variant of the token executes again', async () => {
    server = await startTrustServer({ args: ['--confirm', 'writes'] });
    const args = { label: 'once', sshkey: SSH_KEY };
    const keys = () => server?.sims.lunanode.state.sshKeys.length ?? 0;
    const before = keys();
    const first = payloadOf(await server.call('lunanode_sshkey_add', args));
    const token = String(first.confirmation_token);
    expect(
      (await server.call('lunanode_sshkey_add', { ...args, confirmation_token: token })).isError,
    ).toBeFalsy();
    expect(keys()).toBe(before + 1);
    for (const variant of variants(token)) {
      const again = await server.call('lunanode_sshkey_add', { ...args, confirmation_token: variant });
      expect(again.isError, variant).toBe(true);
      expect(JSON.stringify(again)).toMatch(/nothing was sent/);
    }
    const used = await server.call('lunanode_sshkey_add', { ...args, confirmation_token: token });
    expect(JSON.stringify(used)).toMatch(/already used/);
    expect(keys()).toBe(before + 1);
  });

  it('two concurrent redemptions of one token: exactly one runs', async () => {
    server = await startTrustServer({ args: ['--confirm', 'writes'] });
    const args = { label: 'race', sshkey: SSH_KEY };
    const before = server.sims.lunanode.state.sshKeys.length;
    const token = payloadOf(await server.call('lunanode_sshkey_add', args)).confirmation_token;
    const both = await Promise.all([
      server.call('lunanode_sshkey_add', { ...args, confirmation_token: token }),
      server.call('lunanode_sshkey_add', { ...args, confirmation_token: token }),
    ]);
    expect(both.filter((result) => !result.isError)).toHaveLength(1);
    expect(server.sims.lunanode.state.sshKeys.length).toBe(before + 1);
  });

  it('an empty confirmation_token means no token (strict-mode clients must send every property)', async () => {
    server = await startTrustServer();
    const key = server.sims.tuxcare.state.elsKeys[0]?.key;
    const first = payloadOf(await server.call('tuxcare_els_key_remove', { key, confirmation_token: '' }));
    expect(first.status).toBe('confirmation_required');
    expect(server.sims.tuxcare.state.elsKeys.map((row) => row.key)).toContain(key);
  });

  it('a malformed, a mismatched and an expired token each say so, and that nothing was sent', async () => {
    server = await startTrustServer();
    const key = server.sims.tuxcare.state.elsKeys[0]?.key;
    const first = payloadOf(await server.call('tuxcare_els_key_remove', { key }));
    const sent = server.sims.tuxcare.log.length;
    const bad = await server.call('tuxcare_els_key_remove', { key, confirmation_token: 'not-a-token' });
    expect(JSON.stringify(bad)).toMatch(/is not a confirmation token; nothing was sent/);
    const other = await server.call('tuxcare_els_key_update', {
      key,
      limit: 3,
      confirmation_token: first.confirmation_token,
    });
    expect(JSON.stringify(other)).toMatch(
      /other arguments, another tool or another account; nothing was sent/,
    );
    // Ten minutes later on the wall clock (only Date is faked; timers and I/O run as usual).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60_000 });
    try {
      const late = await server.call('tuxcare_els_key_remove', {
        key,
        confirmation_token: first.confirmation_token,
      });
      expect(JSON.stringify(late)).toMatch(/has expired; nothing was sent/);
    } finally {
      vi.useRealTimers();
    }
    expect(server.sims.tuxcare.log.length).toBe(sent);
  });
});

describe('confirmation by elicitation shows what it destroys', () => {
  it('deleting an ISPmanager user names the function, the user, the account and the host', async () => {
    const asked: string[] = [];
    server = await startTrustServer({
      carrier: {
        kind: 'elicit',
        answer: async (message) => {
          asked.push(message);
          return { action: 'decline' };
        },
      },
    });
    const user = String(server.sims.ispmanager.state.user[0]?.name);
    const declined = payloadOf(await server.call('ispmanager_user_delete', { elid: user }));
    expect(declined.status).toBe('declined');
    const message = asked[0] ?? '';
    expect(message).toContain('func = user.delete');
    expect(message).toContain(`elid = ${user}`);
    expect(message).toContain('Account "default"');
    expect(message).toContain(new URL(server.sims.ispmanager.url).host);
    expect(message).not.toMatch(/auth = (?!\[REDACTED\])/);

    await server.call('ispmanager_call', {
      func: 'webdomain.delete',
      params: { elid: 'example.com' },
      sok: true,
    });
    expect(asked[1]).toContain('func = webdomain.delete');
    expect(server.sims.ispmanager.state.user.some((row) => row.name === user)).toBe(true);
  });

  it('an elicitation nobody answers in time: "not confirmed in time; nothing was sent"', async () => {
    server = await startTrustServer({
      carrier: { kind: 'elicit', answer: () => new Promise(() => {}) },
    });
    server.app.context.confirmTimeoutMs = 300;
    const key = server.sims.tuxcare.state.elsKeys[0]?.key;
    const sent = server.sims.tuxcare.log.length;
    const result = await server.call('tuxcare_els_key_remove', { key });
    const body = payloadOf(result);
    expect(body.status).toBe('timeout');
    expect(String(body.message)).toMatch(/Not confirmed in time; nothing was sent/);
    expect(server.sims.tuxcare.log.length).toBe(sent);
  });
});

describe('dry-run previews decode what the vendor receives', () => {
  it('LunaNode shows the parameters inside req; TuxCare shows the key and masks the token', async () => {
    server = await startTrustServer();
    const luna = payloadOf(
      await server.call('lunanode_sshkey_add', { label: 'k', sshkey: SSH_KEY, dry_run: true }),
    );
    const lunaParams = (luna.request as { params: Record<string, unknown> }).params;
    expect(lunaParams).toMatchObject({
      label: 'k',
      sshkey: SSH_KEY,
      api_id: '[REDACTED]',
      api_partialkey: '[REDACTED]',
      signature: '[REDACTED]',
      nonce: '[REDACTED]',
    });
    const key = server.sims.tuxcare.state.kcKeys[0]?.key;
    const tux = payloadOf(await server.call('tuxcare_kcare_key_delete', { key, dry_run: true }));
    const request = tux.request as { params: Record<string, unknown>; url: string; account: string };
    expect(request.params).toMatchObject({ key, token: '[REDACTED]' });
    expect(request.url).toContain(String(key));
    expect(request.account).toBe('default');
  });
});
