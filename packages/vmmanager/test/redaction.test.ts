import { isXError } from '@x/auth-core';
import { vmmanagerControls } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { createVmManagerClient } from '../src/index.js';
import { setup } from './support.js';

const t = setup();
const CANARY_PASSWORD = 'canary-password-7c1e';

/** Every surface of an error: message, JSON, enumerable fields, cause. */
function surfaces(error: unknown): string {
  expect(isXError(error)).toBe(true);
  const e = error as Error & { toJSON(): unknown };
  return [
    e.message,
    JSON.stringify(e.toJSON()),
    JSON.stringify({ ...e }),
    String(e.cause ?? ''),
    e.stack ?? '',
  ].join('\n');
}

describe('secrets never leak', () => {
  it('login failure with a canary password', async () => {
    const vm = createVmManagerClient(
      { url: t.sim.url, email: 'admin@example.com', password: CANARY_PASSWORD },
      { env: {}, suspendedRetry: { stepMs: 1 } },
    );
    const error = await vm.os.list().catch((e: unknown) => e);
    expect(surfaces(error)).not.toContain(CANARY_PASSWORD);
    await vm.close();
  });

  it('tokens: session, long-lived and key-issued, across every error path', async () => {
    const vm = t.client();
    const long = await vm.auth.token.create({ expires_at: '2099-01-01 00:00:00' });
    const key = await vm.auth.key.create({ user: 'client@example.com' });
    const session = t.sim.state.tokens[0]?.token ?? '';
    const secrets = [session, long.token, key.key];
    const errors: unknown[] = [];
    vmmanagerControls.markInternal(t.sim, 'GET', /^\/vm\/v3\/node$/);
    errors.push(await vm.node.list().catch((e: unknown) => e));
    errors.push(await vm.host.get({ host_id: 999 }).catch((e: unknown) => e));
    errors.push(await vm.disk.update({ disk_id: 1, size_mib: 1024 }).catch((e: unknown) => e));
    vmmanagerControls.suspend(t.sim, 11); // exactly the retry budget, so later calls find it awake
    errors.push(await vm.os.list().catch((e: unknown) => e));
    t.sim.faults.add({ kind: 'malformed', body: `<html>${long.token} ${session}</html>` });
    errors.push(await vm.os.list().catch((e: unknown) => e));
    t.sim.faults.add({
      kind: 'status',
      status: 400,
      body: { error: { code: 5, msg: `bad token ${session}`, value: { token: long.token, key: key.key } } },
    });
    errors.push(await vm.os.list().catch((e: unknown) => e));
    const token = t.tokenClient(long.token);
    vmmanagerControls.expireTokens(t.sim);
    errors.push(await token.os.list().catch((e: unknown) => e));
    errors.push(
      await vm.auth.key
        .exchange({ key: key.key })
        .catch(() => undefined)
        .then(() => vm.auth.key.exchange({ key: key.key }))
        .catch((e: unknown) => e),
    );
    const preview = JSON.stringify(await vm.preview('auth.key.exchange', { key: key.key }));
    expect(errors.every((error) => isXError(error))).toBe(true);
    for (const error of errors) {
      const text = surfaces(error);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    expect(preview).not.toContain(key.key);
  });
});
