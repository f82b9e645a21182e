import { describe, expect, it } from 'vitest';
import { buildToolSnapshot } from '../src/snapshot.js';

describe('cross-references in the listing', () => {
  it('are rendered as the tool names of the same vendor, in descriptions and field descriptions', () => {
    const listed = buildToolSnapshot();
    const text = JSON.stringify(listed);
    expect(text).not.toContain('{@ref ');
    const update = listed.find((tool) => tool.name === 'tuxcare_els_key_update');
    const properties = update?.inputSchema.properties as Record<string, { description?: string }>;
    expect(properties.key?.description).toBe('ELS/ESU key, from tuxcare_els_key_list');
    const monitor = listed.find((tool) => tool.name === 'lunanode_monitor_check_types');
    expect(monitor?.description).toContain('(for lunanode_monitor_check_add)');
  });
});
