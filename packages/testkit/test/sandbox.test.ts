import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  createEchoSimulator,
  createSimulator,
  ISPMANAGER_DEMO,
  type SandboxEntry,
  sandboxBanner,
  sandboxJson,
  sandboxSimulators,
  startSandbox,
  testCertificate,
} from '../src/index.js';
import { harness } from './support.js';

const { agent, fetchText } = harness();

describe('sandbox', () => {
  it('starts every registered simulator and stops them', async () => {
    const sandbox = await startSandbox();
    expect(sandbox.simulators.map((sim) => sim.name)).toEqual(sandboxSimulators.map((entry) => entry.name));
    expect(sandbox.simulators.map((sim) => sim.name)).toContain('echo');
    const url = sandbox.simulators[0]?.url ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetchText(`${url}/status/200`)).status).toBe(200);
    await sandbox.stop();
    await expect(request(url, { dispatcher: agent })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('reports the client settings each entry derives from its URL', async () => {
    const sandbox = await startSandbox([
      { name: 'plain', create: createEchoSimulator },
      {
        name: 'vendor',
        create: createEchoSimulator,
        settings: (url) => ({ DEMO_BASE_URL: `${url}/api`, DEMO_KEY: 'k' }),
      },
    ]);
    try {
      const [plain, vendor] = sandbox.simulators;
      expect(plain?.settings).toEqual({});
      expect(vendor?.settings).toEqual({ DEMO_BASE_URL: `${vendor?.url}/api`, DEMO_KEY: 'k' });
    } finally {
      await sandbox.stop();
    }
  });

  it('stops the simulators already started when one fails to start', async () => {
    const first = createEchoSimulator();
    const entries: SandboxEntry[] = [
      { name: 'first', create: () => first },
      {
        name: 'broken',
        create: () => {
          throw new Error('cannot build');
        },
      },
    ];
    await expect(startSandbox(entries)).rejects.toThrow('cannot build');
    expect(() => first.url).toThrow('not started');
  });

  it('prints base URLs, demo credentials, control paths, curl and env lines; --json the same', async () => {
    const sandbox = await startSandbox();
    try {
      const banner = sandboxBanner({ simulators: sandbox.simulators });
      const isp = sandbox.simulators.find((sim) => sim.name === 'ispmanager');
      expect(banner).toContain('No vendor accounts needed');
      expect(banner).toContain(`ispmanager  ${isp?.url}/ispmgr`);
      expect(banner).toContain(`  password: ${ISPMANAGER_DEMO.password}`);
      expect(banner).toContain(`export ISPMANAGER_URL='${isp?.url}/ispmgr'`);
      expect(banner).toContain("export TUXCARE_LOGIN='demo-reseller'");
      expect(banner).toContain(`control: GET ${isp?.url}/__sandbox/log`);
      expect(banner).toContain('Ctrl+C (or SIGTERM) to stop.');
      const json = JSON.parse(sandboxJson({ simulators: sandbox.simulators }));
      expect(json.env.VMMANAGER_EMAIL).toBe('admin@example.com');
      expect(json.simulators.find((s: { name: string }) => s.name === 'lunanode').baseUrl).toMatch(/\/api$/);
    } finally {
      await sandbox.stop();
    }
  });

  it('listens on fixed ports from a port base, and says which port is taken', async () => {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const sandbox = await startSandbox(undefined, { portBase: base });
    try {
      expect(sandbox.simulators.map((sim) => sim.port)).toEqual([
        base,
        base + 1,
        base + 2,
        base + 3,
        base + 4,
      ]);
      await expect(startSandbox(undefined, { portBase: base })).rejects.toThrow(
        `echo: port ${base} on 127.0.0.1 is in use`,
      );
    } finally {
      await sandbox.stop();
    }
  });

  it('serves every simulator over TLS, LunaNode included, and names the CA file in the settings', async () => {
    const sandbox = await startSandbox(undefined, { tls: true, caFile: '/tmp/ca.pem' });
    const tlsAgent = new Agent({ connect: { ca: testCertificate.cert } });
    try {
      for (const sim of sandbox.simulators) expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
      const luna = sandbox.simulators.find((sim) => sim.name === 'lunanode');
      const res = await request(`${luna?.baseUrl}/`, { dispatcher: tlsAgent });
      expect(res.statusCode).toBe(200);
      await res.body.text();
      const vm = sandbox.simulators.find((sim) => sim.name === 'vmmanager');
      expect(vm?.settings.VMMANAGER_CA_FILE).toBe('/tmp/ca.pem');
    } finally {
      await tlsAgent.close();
      await sandbox.stop();
    }
  });

  it('the control path resets state and returns the request log, unlogged itself', async () => {
    const sandbox = await startSandbox();
    try {
      const isp = sandbox.simulators.find((sim) => sim.name === 'ispmanager');
      const form = `authinfo=root:${ISPMANAGER_DEMO.password}&out=xml&func=user.delete&elid=alice`;
      await fetchText(`${isp?.baseUrl}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      const log = JSON.parse((await fetchText(`${isp?.control}/log`)).text);
      expect(log.requests).toHaveLength(1);
      expect(log.requests[0]).toMatchObject({ method: 'POST', path: '/ispmgr', body: form });
      const reset = await fetchText(`${isp?.control}/reset`, { method: 'POST' });
      expect(JSON.parse(reset.text)).toMatchObject({ reset: true });
      expect(JSON.parse((await fetchText(`${isp?.control}/log`)).text).requests).toEqual([]);
      expect((await fetchText(`${isp?.control}/nope`)).status).toBe(404);
    } finally {
      await sandbox.stop();
    }
  });

  it('keeps simulators of different state types in one registry', () => {
    const entry: SandboxEntry = {
      name: 'typed',
      create: () => createSimulator({ name: 'typed', seed: () => ({ n: 1 }), handler: () => ({}) }),
    };
    expect(entry.create().state).toEqual({ n: 1 });
  });
});
