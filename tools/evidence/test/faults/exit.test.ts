// No leaked socket or timer: each vendor client (and the MCP server) goes through a fault scenario in a child
// Node process while the simulators stay up here, in the parent. After closing what it opened, the child
// must report no active handle and exit by itself (code 0, before the parent's safety kill). The parent checks
// what reached each simulator.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEchoSimulator, type Fault, type FaultMatch, type Simulator, unusedPort } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { countOf, only, VENDORS, type VendorCase } from './support.js';

const SCRIPT = fileURLToPath(new URL('./exit-scenario.mjs', import.meta.url));
const EVIDENCE = fileURLToPath(new URL('../..', import.meta.url));
/** Safety bound for the whole child: past it the child is killed, and its exit code is not 0. */
const CHILD_BOUND_MS = 45_000;

interface ChildReport {
  results: string[];
  active: string[];
  unhandled: string[];
}

/** Runs the scenario; resolves once the child exited, with its report and its exit code. */
function runChild(plan: Record<string, unknown>): Promise<{ report: ChildReport; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, JSON.stringify(plan)], {
      cwd: EVIDENCE,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), CHILD_BOUND_MS);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      try {
        const report = JSON.parse(out.trim().split('\n').at(-1) ?? '') as ChildReport;
        resolve({ report, code });
      } catch {
        reject(new Error(`child printed no report (exit ${code}): ${out}\n${err}`));
      }
    });
  });
}

/** Faults in the order the child meets them, per endpoint (the queue is FIFO per matching request). */
function queue(sim: Simulator<unknown>, match: FaultMatch, faults: Array<[Fault, number]>): void {
  for (const [fault, times] of faults) sim.faults.add(fault, { match, times });
}

describe.concurrent.each(VENDORS)('$id client in a child process', (vendor: VendorCase) => {
  it('gets a typed error for each fault, reports no open handle and exits by itself', async ({ expect }) => {
    await using sim = await vendor.createSimulator().start();
    await using other = await createEchoSimulator().start();
    await using https = vendor.tls ? await vendor.createSimulator({ tls: true }).start() : undefined;
    // Reads are retried (3 attempts) when safe; creates are sent once.
    queue(sim, only(vendor.read), [
      [{ kind: 'reset-mid-body' }, 3],
      [{ kind: 'status', status: 500, body: 'boom' }, 3],
      [{ kind: 'oversized', bytes: 1024 * 1024, declareLength: false }, 1],
      [{ kind: 'truncate' }, 1],
    ]);
    queue(sim, only(vendor.create), [
      [{ kind: 'reset' }, 1],
      [{ kind: 'hang' }, 1],
      [{ kind: 'slow-body', intervalMs: 10_000 }, 1],
      [{ kind: 'redirect', location: `${other.url}/collect` }, 1],
    ]);
    const calls = ['create', 'read', 'create', 'read', 'create', 'read', 'read', 'create', 'read', 'create'];
    const { report, code } = await runChild({
      vendor: vendor.id,
      url: sim.url,
      httpsUrl: https?.url,
      deadPort: await unusedPort(),
      calls,
    });
    expect(report.results).toEqual([
      'TransportError:send', // create, reset
      'TransportError:receive', // read, reset mid-body (3 attempts)
      'TimeoutError:headers', // create, no answer
      'ApiError:500', // read, 5xx storm (3 attempts)
      'TimeoutError:body', // create, silent body
      'TransportError:size-limit', // read, oversized
      'ResponseFormatError:200', // read, truncated
      'TransportError:redirect', // create, redirect to the other host
      'ok',
      'ok',
      'TransportError:connect', // read on a port nobody listens on
      ...(https ? ['TransportError:tls'] : []), // read with the wrong pin
    ]);
    expect(report.unhandled).toEqual([]);
    // Nothing is left on the child's event loop once it reported, so it ends by itself.
    expect(report.active).toEqual([]);
    expect(code).toBe(0);

    expect(sim.faults.pending).toBe(0);
    expect(countOf(sim, vendor.create)).toBe(5);
    expect(countOf(sim, vendor.read)).toBe(3 + 3 + 1 + 1 + 1);
    expect(other.stats.requests).toBe(0);
    if (https) expect(https.stats).toMatchObject({ requests: 0, bytesReceived: 0 });
  });
});

describe('the MCP server in a child process', () => {
  it('answers every fault with an isError result, serves the next call, and exits by itself', async () => {
    const sims = await Promise.all(VENDORS.map((vendor) => vendor.createSimulator().start()));
    try {
      const tools: string[] = [];
      const expected: string[] = [];
      VENDORS.forEach((vendor, index) => {
        const sim = sims[index] as Simulator<unknown>;
        // Faults the server's real defaults never retry, so the scenario stays short without fast options.
        queue(sim, only(vendor.read), [
          [{ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: 'slow down' }, 1],
          [{ kind: 'truncate' }, 1],
          [{ kind: 'malformed', body: '<html><body>login</body></html>' }, 1],
          [{ kind: 'redirect', location: 'http://127.0.0.1:9/elsewhere' }, 1],
          [{ kind: 'oversized', bytes: 11 * 1024 * 1024, declareLength: false }, 1],
        ]);
        tools.push(...Array.from({ length: 6 }, () => vendor.read.tool));
        expected.push('rate-limit', 'response-format', 'response-format', 'transport', 'transport', 'ok');
      });
      const urls = Object.fromEntries(VENDORS.map((vendor, index) => [vendor.id, sims[index]?.url]));
      const { report, code } = await runChild({ vendor: 'mcp', urls, tools });
      expect(report.results).toEqual(expected);
      expect(report.unhandled).toEqual([]);
      expect(report.active).toEqual([]);
      expect(code).toBe(0);
      for (const [index, vendor] of VENDORS.entries()) {
        expect(sims[index]?.faults.pending).toBe(0);
        expect(countOf(sims[index] as Simulator<unknown>, vendor.read)).toBe(6);
      }
    } finally {
      await Promise.all(sims.map((sim) => sim.stop()));
    }
  });
});
