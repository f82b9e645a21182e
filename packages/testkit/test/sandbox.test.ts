import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  createEchoSimulator,
  createSimulator,
  type SandboxEntry,
  sandboxBanner,
  sandboxSimulators,
  startSandbox,
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

  it('prints the simulators, a curl example and how to stop', () => {
    const banner = sandboxBanner([
      { name: 'echo', url: 'http://127.0.0.1:4000', settings: {} },
      {
        name: 'lunanode',
        url: 'http://127.0.0.1:4001',
        settings: { LUNANODE_BASE_URL: 'http://127.0.0.1:4001' },
      },
    ]);
    expect(banner).toContain('@x sandbox');
    expect(banner).toContain('No vendor accounts');
    expect(banner).toContain('  echo      http://127.0.0.1:4000\n  lunanode  http://127.0.0.1:4001\n');
    expect(banner).toContain("curl -s 'http://127.0.0.1:4000/hello?from=sandbox'");
    expect(banner).toContain('MCP server will replace this as `npm start`');
    expect(banner).toContain('Ctrl+C to stop.');
  });

  it('keeps simulators of different state types in one registry', () => {
    const entry: SandboxEntry = {
      name: 'typed',
      create: () => createSimulator({ name: 'typed', seed: () => ({ n: 1 }), handler: () => ({}) }),
    };
    expect(entry.create().state).toEqual({ n: 1 });
  });
});
