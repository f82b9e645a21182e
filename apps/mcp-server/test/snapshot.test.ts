import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildToolSnapshot } from '../src/snapshot.js';

describe('tool snapshot', () => {
  it('matches test/tools.snapshot.json: every change to what agents see is reviewed in the diff', () => {
    const recorded = JSON.parse(readFileSync(new URL('./tools.snapshot.json', import.meta.url), 'utf8'));
    const current = JSON.parse(JSON.stringify(buildToolSnapshot()));
    const names = (list: { name: string }[]) => list.map((tool) => tool.name);
    // Names first, for a readable failure when tools are added or removed.
    expect(names(current), 'run `npm run build && node apps/mcp-server/scripts/snapshot-tools.mjs`').toEqual(
      names(recorded),
    );
    expect(current).toEqual(recorded);
  });
});
