import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Simulator, unusedPort } from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, canarySettings, leaksIn, REDACTED, VENDORS, type VendorCase } from './support.js';

/**
 * The clients as an application uses them: credentials from the standard environment variables, logging
 * switched on with X_LOG=debug (no logger injected), in a process of its own whose stderr is the log. The
 * scenario prints every outcome (error message, stack, JSON, cause chain) on stdout.
 */
const SCENARIO = `
import { inspect } from 'node:util';
import { createTuxCareClient } from '@x/tuxcare';
import { createLunaNodeClient } from '@x/lunanode';
import { createIspManagerClient } from '@x/ispmanager';
import { createVmManagerClient } from '@x/vmmanager';

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, proxy: false };
const targets = JSON.parse(process.env.SCENARIO_TARGETS);
const make = {
  tuxcare: (url) => createTuxCareClient({ ...fast, baseUrl: url + '/api' }),
  lunanode: (url) => createLunaNodeClient({ ...fast, baseUrl: url + '/api' }),
  ispmanager: (url) => createIspManagerClient({ ...fast, url: url + '/ispmgr' }),
  vmmanager: (url) => createVmManagerClient({ url }, fast),
};
const calls = JSON.parse(process.env.SCENARIO_CALLS);
for (const [vendor, urls] of Object.entries(targets)) {
  for (const [label, url] of Object.entries(urls)) {
    const client = make[vendor](url);
    for (const [what, id, input] of calls[vendor]) {
      try {
        const value = what === 'preview' ? await client.preview(id, input) : await client.invoke(id, input);
        console.log(JSON.stringify({ vendor, label, id, ok: true, text: JSON.stringify(value) }));
      } catch (error) {
        const chain = [];
        for (let e = error; e; e = e.cause) chain.push(String(e.message), String(e.stack), JSON.stringify(e));
        const text = inspect(error, { depth: 8, showHidden: true }) + chain.join('\\n');
        console.log(JSON.stringify({ vendor, label, id, ok: false, kind: error.kind, text }));
      }
    }
    await client.close();
  }
}
`;

interface Line {
  vendor: string;
  label: string;
  id: string;
  ok: boolean;
  kind?: string;
  text: string;
}

const sims: Simulator<unknown>[] = [];
const targets: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const down = `http://127.0.0.1:${await unusedPort()}`;
  for (const vendor of VENDORS) {
    const ok = await vendor.accepting();
    const rejecting = await vendor.rejecting();
    const faulty = await vendor.accepting();
    sims.push(ok, rejecting, faulty);
    // A 500 page repeating the secret the client knows, on every request of the faulty panel.
    const secret = {
      tuxcare: CANARY.tuxcareSecret,
      lunanode: CANARY.lunanodeKey,
      ispmanager: CANARY.ispPassword,
      vmmanager: CANARY.vmPassword,
    }[vendor.id];
    faulty.faults.add(
      {
        kind: 'status',
        status: 500,
        headers: { 'content-type': 'text/html' },
        body: `<p>${'x'.repeat(470)}${secret} ${encodeURIComponent(secret)}</p>`,
      },
      { times: Number.POSITIVE_INFINITY },
    );
    targets[vendor.id] = { ok: ok.url, rejecting: rejecting.url, faulty: faulty.url, down };
  }
});

afterAll(async () => {
  await Promise.all(sims.map((sim) => sim.stop()));
});

/** Runs the scenario in a child process with the canaries in its environment; resolves when it exits. */
function runScenario(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', X_LOG: 'debug' };
  // The vendors' own variables carry the canaries (the URL settings are passed per client instead).
  for (const vendor of VENDORS) {
    for (const [name, value] of Object.entries(canarySettings(vendor.id, 'http://unused.invalid'))) {
      if (!/URL$/.test(name)) env[name] = value;
    }
  }
  const calls: Record<VendorCase['id'], Array<[string, string, Record<string, unknown>]>> = {
    tuxcare: [],
    lunanode: [],
    ispmanager: [],
    vmmanager: [],
  };
  for (const vendor of VENDORS) {
    calls[vendor.id].push(
      ['invoke', vendor.read.id, vendor.read.input],
      ['invoke', vendor.write.id, vendor.write.input],
      ['preview', vendor.destroy.id, vendor.destroy.input],
    );
  }
  env.SCENARIO_TARGETS = JSON.stringify(targets);
  env.SCENARIO_CALLS = JSON.stringify(calls);
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCENARIO], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // A safety bound only: the scenario must end by itself (no leaked socket or timer keeps it alive).
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the scenario did not exit by itself\n${stderr.slice(-2000)}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('X_LOG=debug in a process of its own, credentials from the environment', () => {
  it('no stderr line and no outcome holds a canary; the log and the outcomes are there', async () => {
    const { code, stdout, stderr } = await runScenario();
    expect(code, stderr.slice(-2000)).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Line);
    expect(lines).toHaveLength(VENDORS.length * 4 * 3);

    const leaked = lines.filter((line) => leaksIn(line.text).length > 0);
    expect(leaked.map((line) => [line.vendor, line.label, line.id, leaksIn(line.text)])).toEqual([]);
    expect(leaksIn(stderr), stderr.slice(0, 3000)).toEqual([]);

    // Not vacuous: every vendor succeeded on its good panel and failed on the others, with the kind expected;
    // the debug log has request lines with the credentials shown as redacted.
    for (const vendor of VENDORS) {
      const mine = lines.filter((line) => line.vendor === vendor.id);
      const read = (label: string) => mine.find((line) => line.label === label && line.id === vendor.read.id);
      expect(read('ok')?.ok, read('ok')?.text).toBe(true);
      expect(read('rejecting')?.kind, read('rejecting')?.text).toBe('auth');
      expect(read('down')?.kind).toBe('transport');
      expect(read('faulty')?.ok).toBe(false);
      expect(
        mine
          .filter((line) => line.id === vendor.destroy.id && line.ok)
          .every((line) => line.text.includes(REDACTED)),
      ).toBe(true);
    }
    const debug = stderr.split('\n').filter((line) => line.includes(' DEBUG [x] '));
    expect(debug.length).toBeGreaterThan(40);
    expect(stderr).toContain(`token=${REDACTED}`);
    expect(stderr).toContain(`authinfo=${REDACTED}`);
    // req is logged (it is the call's parameters) with its api_id and partial key masked by value.
    expect(stderr).toContain(
      `req=%7B%22api_id%22%3A%22${REDACTED}%22%2C%22api_partialkey%22%3A%22${REDACTED}%22`,
    );
    expect(stderr).toContain(`&signature=${REDACTED}&nonce=`);
    expect(stderr).toMatch(/\/auth\/v4\/public\/token/);
  });
});
