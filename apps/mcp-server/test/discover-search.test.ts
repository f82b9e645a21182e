import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { discoveryOf } from '../src/discover/tools.js';
import { parseOptions } from '../src/options.js';
import { vendorModules } from '../src/vendors.js';

/** Credentials for every vendor (nothing is contacted: search never calls a vendor). */
const credentials = {
  TUXCARE_LOGIN: 'search',
  TUXCARE_SECRET_KEY: 'search-secret',
  LUNANODE_API_ID: 'searchsearchsea1',
  LUNANODE_API_KEY: 'k'.repeat(128),
  ISPMANAGER_URL: 'https://127.0.0.1:1500/ispmgr',
  ISPMANAGER_USERNAME: 'search',
  ISPMANAGER_PASSWORD: 'search',
  VMMANAGER_URL: 'https://127.0.0.1:1501',
  VMMANAGER_EMAIL: 'search@example.invalid',
  VMMANAGER_PASSWORD: 'search',
};

interface Task {
  task: string;
  expected: string[];
  source: string;
}
const tasks = (
  JSON.parse(
    readFileSync(new URL('../../../tools/evidence/bench/search-tasks.json', import.meta.url), 'utf8'),
  ) as { tasks: Task[] }
).tasks;

let app: App;
beforeAll(async () => {
  app = await createApp(parseOptions([], {}), { vendors: vendorModules, env: credentials });
});
afterAll(() => app.close());

const names = (query: string, extra: Record<string, unknown> = {}) => {
  const result = discoveryOf(app.registry).search({ query, limit: 3, ...extra });
  const payload = result.structuredContent as { matches: { name: string }[] };
  return payload.matches.map((match) => match.name);
};

describe('search_tools ranking (quality gate, not a timing test)', () => {
  it('the task set is written against tools that exist, from named sources', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(60);
    const catalog = new Set(app.allTools.map((tool) => tool.name));
    for (const task of tasks) {
      expect(task.source).toMatch(/\.(txt|md)/);
      for (const name of task.expected) expect(catalog, name).toContain(name);
    }
  });

  it('finds the expected tool first for ≥ 80 % of the tasks, in the top 3 for ≥ 95 %', () => {
    let first = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const task of tasks) {
      const found = names(task.task);
      if (task.expected.includes(found[0] ?? '')) first++;
      if (found.some((name) => task.expected.includes(name))) top3++;
      else misses.push(`${task.task} → ${found.join(', ')} (expected ${task.expected.join(' or ')})`);
      if (!task.expected.includes(found[0] ?? '') && process.env.SEARCH_VERBOSE)
        console.log(`${task.task}\n  → ${found.join(', ')} (expected ${task.expected.join(' or ')})`);
    }
    const line = `search quality: top-1 ${((100 * first) / tasks.length).toFixed(1)} %, top-3 ${((100 * top3) / tasks.length).toFixed(1)} % of ${tasks.length} tasks`;
    console.log(line);
    expect(first / tasks.length, `${line}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.8);
    expect(top3 / tasks.length, `${line}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });
});
