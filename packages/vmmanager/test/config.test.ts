import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTlsSettings } from '@x/auth-core';
import { testCertificate, VMMANAGER_DEMO_EMAIL, VMMANAGER_DEMO_PASSWORD, vmmanagerSandbox } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { ConfigError, createVmManagerClient, InputError, vmmanagerModule } from '../src/index.js';
import { ENV } from '../src/settings.js';

/** The client's TLS reading, with VMmanager's variable names. */
const tlsFromEnv = (env: NodeJS.ProcessEnv) => readTlsSettings('VMmanager', ENV, env);

import { setup } from './support.js';

const t = setup();

describe('configuration', () => {
  it('reads url and credentials from the environment, explicit options first', async () => {
    const vm = createVmManagerClient(
      {},
      {
        env: {
          VMMANAGER_URL: t.sim.url,
          VMMANAGER_EMAIL: VMMANAGER_DEMO_EMAIL,
          VMMANAGER_PASSWORD: VMMANAGER_DEMO_PASSWORD,
        },
      },
    );
    expect((await vm.cluster.list()).list).toHaveLength(2);
    await vm.close();
  });

  it('takes one options object like every @x client (the two-argument form still works)', async () => {
    expect(() => createVmManagerClient({ env: {} })).toThrow(/`url`.*VMMANAGER_URL/);
    expect(() => createVmManagerClient({ url: 'https://vm.example.com', env: {} })).toThrow(
      /VMMANAGER_EMAIL and VMMANAGER_PASSWORD \(or VMMANAGER_TOKEN\)/,
    );
    const vm = createVmManagerClient({ url: 'https://vm.example.com', token: 'abc-token', env: {} });
    const preview = await vm.preview('os.list', {});
    expect(preview.url).toMatch(/^https:\/\/vm\.example\.com\//);
    await vm.close();
  });

  it('names the missing option and environment variable', () => {
    expect(() => createVmManagerClient({}, { env: {} })).toThrow(/`url`.*VMMANAGER_URL/);
    expect(() => createVmManagerClient({ url: 'https://vm.example.com' }, { env: {} })).toThrow(
      /VMMANAGER_EMAIL and VMMANAGER_PASSWORD \(or VMMANAGER_TOKEN\)/,
    );
    expect(() =>
      createVmManagerClient({ url: 'https://vm.example.com', email: 'a@b.c' }, { env: {} }),
    ).toThrow(/VMMANAGER_PASSWORD/);
    expect(() =>
      createVmManagerClient({ url: 'ftp://vm.example.com', token: 'x-token' }, { env: {} }),
    ).toThrow(ConfigError);
    expect(() =>
      createVmManagerClient({ url: 'https://vm.example.com', token: 'abc-token', email: 'a@b.c' } as never, {
        env: {},
      }),
    ).toThrow(/either email and password, or a token/);
  });

  it('uses VMMANAGER_TOKEN when no password is configured', async () => {
    const admin = t.client();
    const { token } = await admin.auth.token.create({ expires_at: '2099-01-01 00:00:00' });
    const vm = createVmManagerClient({}, { env: { VMMANAGER_URL: t.sim.url, VMMANAGER_TOKEN: token } });
    expect((await vm.os.list()).list.length).toBeGreaterThan(0);
    expect(t.last().headers['x-xsrf-token']).toBe(token);
    await vm.close();
  });

  it('TLS from the environment: CA file, fingerprint pin, insecure only as an explicit flag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vmm-'));
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, testCertificate.cert);
    expect(tlsFromEnv({ VMMANAGER_CA_FILE: ca })).toEqual({ ca: testCertificate.cert });
    expect(tlsFromEnv({ VMMANAGER_FINGERPRINT: testCertificate.fingerprint256 })).toEqual({
      fingerprint256: testCertificate.fingerprint256,
    });
    expect(tlsFromEnv({ VMMANAGER_INSECURE: '1' })).toEqual({ insecure: true });
    expect(tlsFromEnv({ VMMANAGER_INSECURE: '0' })).toBeUndefined();
    expect(() => tlsFromEnv({ VMMANAGER_INSECURE: 'maybe' })).toThrow(ConfigError);
    expect(() => tlsFromEnv({ VMMANAGER_CA_FILE: join(dir, 'missing.pem') })).toThrow(/VMMANAGER_CA_FILE/);
    expect(() => tlsFromEnv({ VMMANAGER_FINGERPRINT: 'AB:CD' })).toThrow(/VMMANAGER_FINGERPRINT/);
    expect(() => tlsFromEnv({ VMMANAGER_INSECURE: '1', VMMANAGER_CA_FILE: ca })).toThrow(ConfigError);
    expect(tlsFromEnv({})).toBeUndefined();
  });

  it('talks HTTPS to a panel whose certificate is pinned via VMMANAGER_FINGERPRINT', async () => {
    const { createVmManagerSimulator } = await import('@x/testkit');
    const sim = await createVmManagerSimulator({ tls: true }).start();
    try {
      const vm = createVmManagerClient(
        {},
        {
          env: {
            VMMANAGER_URL: sim.url,
            VMMANAGER_EMAIL: VMMANAGER_DEMO_EMAIL,
            VMMANAGER_PASSWORD: VMMANAGER_DEMO_PASSWORD,
            VMMANAGER_FINGERPRINT: testCertificate.fingerprint256,
          },
        },
      );
      expect((await vm.cluster.list()).list).toHaveLength(2);
      await vm.close();
    } finally {
      await sim.stop();
    }
  });

  it('module.connect builds a client from settings (the sandbox settings work as they are)', async () => {
    const core = vmmanagerModule.connect(vmmanagerSandbox.settings?.(t.sim.url) ?? {});
    expect(await core.invoke('cluster.get', { cluster_id: 1 })).toMatchObject({ name: 'Main cluster' });
    await core.close();
    expect(() => vmmanagerModule.connect({ VMMANAGER_URL: t.sim.url })).toThrow(ConfigError);
  });

  it('rejects bad input before sending anything, naming the field', async () => {
    const vm = t.client();
    const cases: [string, unknown, RegExp][] = [
      [
        'host.create',
        { name: 'x', cluster: 1, account: 1, os: 1, image: 2, preset: 1 },
        /os: give exactly one of os and image/,
      ],
      [
        'host.create',
        { name: 'x', cluster: 1, account: 1, os: 1, cpu_number: 1 },
        /preset: without a preset/,
      ],
      ['host.resource', { host_id: 1 }, /cpu_number: give at least one/],
      ['ip.ptr', { ip_id: 1, domain: 'not a domain' }, /domain: must be a domain name/],
      ['host.list', { where: { field: 'name)', op: 'EQ', value: 'x' } }, /where/],
      ['host.start', { host_id: 1, extra: true }, /extra: unknown field/],
      ['auth.token.create', { expires_at: '2030-01-31' }, /expires_at: YYYY-MM-DD HH:MM:SS/],
      ['task.wait', { task: 'abc' }, /task/],
    ];
    for (const [id, input, message] of cases) {
      const error = await vm.invoke(id, input).catch((e: unknown) => e);
      expect(error, id).toBeInstanceOf(InputError);
      expect((error as Error).message, id).toMatch(message);
    }
    expect(t.sim.log).toHaveLength(0);
  });
});
