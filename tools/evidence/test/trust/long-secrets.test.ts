import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

const REDACTED = '[REDACTED]';

let server: Awaited<ReturnType<typeof startTrustServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A secret of `bytes` random base64url characters: no part of it occurs by chance in ordinary text. */
function longSecret(bytes: number): string {
  return randomBytes(Math.ceil((bytes * 3) / 4))
    .toString('base64url')
    .slice(0, bytes);
}

/** Whether any 16-character window of `secret` occurs in `text` (a head, a tail, a middle). */
function leaks(text: string, secret: string): boolean {
  for (let at = 0; at + 16 <= secret.length; at += 997)
    if (text.includes(secret.slice(at, at + 16))) return true;
  return text.includes(secret.slice(-16));
}

describe('long secrets: redaction stays bounded and leaks nothing', () => {
  it('ispmanager_call with a 40 KB passwd: dry run and real call hide it, the next call works', async () => {
    server = await startTrustServer({ args: ['--max-result-chars', '100000'] });
    const passwd = longSecret(40_000);
    const args = { func: 'user.edit', params: { name: 'longpass', passwd, confirm: passwd }, sok: true };
    const dry = await server.call('ispmanager_call', { ...args, dry_run: true });
    expect(dry.isError, JSON.stringify(dry).slice(0, 400)).toBeFalsy();
    const params = (payloadOf(dry).request as { params: Record<string, unknown> }).params;
    expect(params).toMatchObject({ func: 'user.edit', name: 'longpass', passwd: REDACTED, sok: 'ok' });
    const first = payloadOf(await server.call('ispmanager_call', args));
    const real = await server.call('ispmanager_call', {
      ...args,
      confirmation_token: first.confirmation_token,
    });
    for (const text of [...server.results, server.stderr.join('')]) expect(leaks(text, passwd)).toBe(false);
    expect(JSON.stringify(real)).not.toContain('RegExp');
    const after = await server.call('ispmanager_user_list', {});
    expect(after.isError, JSON.stringify(after).slice(0, 400)).toBeFalsy();
  });

  it('lunanode_script_create with a 40 KB script: the preview shows the script, the call works', async () => {
    server = await startTrustServer({ args: ['--max-result-chars', '100000'] });
    const content = `#!/bin/sh\n${'echo hello\n'.repeat(3_700)}`;
    const dry = await server.call('lunanode_script_create', { name: 'big', content, dry_run: true });
    expect(dry.isError, JSON.stringify(dry).slice(0, 400)).toBeFalsy();
    const params = (payloadOf(dry).request as { params: Record<string, unknown> }).params;
    // The script is data: the person approving sees it; only the signing parts are masked.
    expect(params.content).toBe(content);
    expect(params).toMatchObject({ api_id: REDACTED, api_partialkey: REDACTED, signature: REDACTED });
    const made = await server.call('lunanode_script_create', { name: 'big', content });
    expect(made.isError, JSON.stringify(made).slice(0, 400)).toBeFalsy();
    expect(server.sims.lunanode.state.scripts.some((script) => script.content === content)).toBe(true);
    expect((await server.call('lunanode_script_list', {})).isError).toBeFalsy();
  });

  it('configured 40 KB credentials (TuxCare secret key, ISPmanager and VMmanager passwords) never come back', async () => {
    const tuxcareKey = longSecret(40_000);
    const ispPassword = longSecret(40_000);
    const vmPassword = longSecret(40_000);
    server = await startTrustServer({
      env: { X_LOG: 'debug' },
      prepare: (sims) => {
        const tux = sims.tuxcare.state.accounts[0];
        if (tux) tux.secretKey = tuxcareKey;
        const admin = sims.ispmanager.state.admins[0];
        if (admin) admin.passwd = ispPassword;
        const vm = sims.vmmanager.state.accounts[0];
        if (vm) vm.password = vmPassword;
        // Each vendor quotes the credential back in data: the redactor must find it whole.
        for (const row of sims.tuxcare.state.elsKeys) row.description = tuxcareKey;
        for (const user of sims.ispmanager.state.user) user.fullname = ispPassword;
        for (const host of sims.vmmanager.state.hosts) host.comment = vmPassword;
      },
      settings: {
        tuxcare: { TUXCARE_SECRET_KEY: tuxcareKey },
        ispmanager: { ISPMANAGER_PASSWORD: ispPassword },
        vmmanager: { VMMANAGER_PASSWORD: vmPassword },
      },
    });
    for (const [name, args] of [
      ['tuxcare_els_key_list', { code: 'CELS' }],
      ['ispmanager_user_list', {}],
      ['vmmanager_host_list', {}],
      ['ispmanager_user_delete', { elid: 'nobody', dry_run: true }],
    ] as const) {
      const result = await server.call(name, args);
      expect(result.isError, `${name}: ${JSON.stringify(result).slice(0, 400)}`).toBeFalsy();
      expect(JSON.stringify(result), name).toContain(REDACTED);
    }
    for (const secret of [tuxcareKey, ispPassword, vmPassword]) {
      for (const text of [...server.results, server.stderr.join('')]) expect(leaks(text, secret)).toBe(false);
    }
  });
});
