import { endpointRows } from '@x/auth-core/testing';
import { describe, expect, it } from 'vitest';
import { vmmanagerCatalog } from '../src/index.js';
import type { VmRoute } from '../src/route.js';
import { VM_SAMPLES } from './samples.js';
import { setup } from './support.js';

const { rows, stale } = endpointRows<(typeof VM_SAMPLES)[string], VmRoute>(vmmanagerCatalog, VM_SAMPLES);

/** The documented path with the call's path parameters filled in (compared decoded). */
function wirePath(route: VmRoute, input: Record<string, unknown>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => String(input[name]));
}

describe('every endpoint against the simulator', () => {
  const t = setup();

  it('samples only catalog endpoints', () => {
    expect(stale).toEqual([]);
  });

  it.each(rows)('$id', async ({ id, endpoint, sample }) => {
    const vm = t.client();
    const input = typeof sample.input === 'function' ? await sample.input(vm) : sample.input;
    const before = t.sim.log.length;
    const result = await vm.invoke(id, input);
    expect(result).not.toBeUndefined();
    const sent = t.sim.log.slice(before).filter((entry) => entry.path !== '/auth/v4/public/token');
    // The call's own request went out as documented (task.wait polls the task list, so it may send several).
    expect(sent.length, id).toBeGreaterThan(0);
    expect(sent.map((entry) => `${entry.method} ${decodeURIComponent(entry.path)}`)).toContain(
      `${endpoint.route.method} ${wirePath(endpoint.route, input)}`,
    );
  });
});
