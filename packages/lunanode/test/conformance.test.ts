import { endpointRows } from '@x/auth-core/testing';
import { describe, expect, it } from 'vitest';
import { type LunaNodeRoute, lunanodeCatalog } from '../src/index.js';
import { LUNA_SAMPLES, type LunaSample } from './samples.js';
import { LUNANODE_DEMO_API_ID, LUNANODE_DEMO_API_KEY, lunanodeHarness } from './support.js';

const { rows, stale } = endpointRows<LunaSample, LunaNodeRoute>(lunanodeCatalog, LUNA_SAMPLES);

describe('every endpoint against the simulator', () => {
  const h = lunanodeHarness();

  /** Runs a prerequisite sample, after its settle. */
  async function prepare(id: string): Promise<void> {
    const sample = LUNA_SAMPLES[id];
    if (!sample) throw new Error(`${id} is named in \`after\` but has no sample`);
    await sample.settle?.(h.client);
    await h.client.invoke(id, sample.input ?? sample.wire);
  }

  it('samples only catalog endpoints', () => {
    expect(stale).toEqual([]);
  });

  // One test per catalog endpoint, on fresh state: an endpoint without a sample fails its own test.
  it.each(rows)('$id', async ({ id, endpoint, sample }) => {
    for (const step of sample.after ?? []) await prepare(step);
    await sample.settle?.(h.client);
    const before = h.sim.log.length;
    const result = await h.client.invoke(id, sample.input ?? sample.wire);
    expect(result).toBeDefined();
    const sent = h.last();
    expect(h.sim.log).toHaveLength(before + 1);
    expect(sent.path).toBe(`/api/${endpoint.route.category}/${endpoint.route.action}/`);
    expect(sent.params).toEqual(sample.wire);
    expect(sent.apiId).toBe(LUNANODE_DEMO_API_ID);
    expect(sent.partialKey).toBe(LUNANODE_DEMO_API_KEY.slice(0, 64));
    expect(sent.signature).toMatch(/^[0-9a-f]{128}$/);
  });
});
