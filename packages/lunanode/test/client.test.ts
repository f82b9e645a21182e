import { createLunaNodeSimulator } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  createLunaNodeClient,
  LUNANODE_DEFAULT_BASE_URL,
  lunanodeModule,
} from '../src/index.js';
import { LUNANODE_DEMO_API_ID, LUNANODE_DEMO_API_KEY } from './support.js';

function configError(make: () => unknown): ConfigError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('reads the credentials and base URL from the environment', async () => {
    await using sim = await createLunaNodeSimulator().start();
    const client = createLunaNodeClient({
      env: {
        LUNANODE_API_ID: LUNANODE_DEMO_API_ID,
        LUNANODE_API_KEY: LUNANODE_DEMO_API_KEY,
        LUNANODE_BASE_URL: `${sim.url}/api/`,
      },
    });
    expect((await client.billing.credit()).credit).toBe(42.5);
    expect(sim.log[0]?.path).toBe('/api/billing/credit/'); // the trailing slash of the base is not doubled
    await client.close();
  });

  it('defaults to the production endpoint', async () => {
    const client = createLunaNodeClient({
      apiId: LUNANODE_DEMO_API_ID,
      apiKey: LUNANODE_DEMO_API_KEY,
      env: {},
    });
    const preview = await client.preview('vm.list', {});
    expect(LUNANODE_DEFAULT_BASE_URL).toBe('https://dynamic.lunanode.com/api');
    expect(preview).toMatchObject({ method: 'POST', url: 'https://dynamic.lunanode.com/api/vm/list/' });
    expect(preview.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // req is shown (it is the call's parameters) with its credential parts masked by value.
    expect(preview.body).toMatch(
      /^req=%7B%22api_id%22%3A%22\[REDACTED\]%22%2C%22api_partialkey%22%3A%22\[REDACTED\]%22%7D&signature=\[REDACTED\]&nonce=\d+$/,
    );
    expect(preview.params).toMatchObject({
      api_id: '[REDACTED]',
      api_partialkey: '[REDACTED]',
      signature: '[REDACTED]',
    });
    await client.close();
  });

  it('names the option and the variable of a missing credential', () => {
    const error = configError(() => createLunaNodeClient({ apiKey: LUNANODE_DEMO_API_KEY, env: {} }));
    expect(error.message).toMatch(/apiId.*LUNANODE_API_ID/);
    expect(error.setting).toBe('LUNANODE_API_ID');
  });

  it('checks the shapes (16 and 128 characters) without echoing the value', () => {
    const shortKey = 'secret-short-key-value';
    const key = configError(() =>
      createLunaNodeClient({ apiId: LUNANODE_DEMO_API_ID, apiKey: shortKey, env: {} }),
    );
    expect(key.message).toMatch(/exactly 128 printable characters/);
    expect(key.message).toContain('has 22');
    expect(JSON.stringify(key) + key.message).not.toContain(shortKey);
    const id = configError(() =>
      createLunaNodeClient({ apiId: 'abc', apiKey: LUNANODE_DEMO_API_KEY, env: {} }),
    );
    expect(id.message).toMatch(/API ID .*exactly 16/);
    expect(id.setting).toBe('LUNANODE_API_ID');
    const spaced = `${LUNANODE_DEMO_API_KEY.slice(0, 127)} `;
    // readSetting trims surrounding blanks; a blank inside is a shape error.
    const inner = `${LUNANODE_DEMO_API_KEY.slice(0, 60)} ${LUNANODE_DEMO_API_KEY.slice(61)}`;
    expect(() => createLunaNodeClient({ apiId: LUNANODE_DEMO_API_ID, apiKey: spaced, env: {} })).toThrow(
      ConfigError,
    );
    expect(() => createLunaNodeClient({ apiId: LUNANODE_DEMO_API_ID, apiKey: inner, env: {} })).toThrow(
      ConfigError,
    );
  });

  it('refuses a base URL that is not http(s) or carries credentials', () => {
    const base = { apiId: LUNANODE_DEMO_API_ID, apiKey: LUNANODE_DEMO_API_KEY, env: {} };
    expect(() => createLunaNodeClient({ ...base, baseUrl: 'ftp://example.com/api' })).toThrow(ConfigError);
    expect(() => createLunaNodeClient({ ...base, baseUrl: 'https://u:p@example.com/api' })).toThrow(
      ConfigError,
    );
  });
});

describe('lunanodeModule.connect', () => {
  it('connects from settings only, never from process.env', async () => {
    await using sim = await createLunaNodeSimulator().start();
    const saved = process.env.LUNANODE_API_ID;
    process.env.LUNANODE_API_ID = 'fromProcessEnv16';
    try {
      const core = lunanodeModule.connect({
        LUNANODE_API_ID: LUNANODE_DEMO_API_ID,
        LUNANODE_API_KEY: LUNANODE_DEMO_API_KEY,
        LUNANODE_BASE_URL: `${sim.url}/api`,
        LUNANODE_MONOTONIC_NONCE: 'true',
      });
      const answer = (await core.invoke('region.list', {})) as { regions: { region: string }[] };
      expect(answer.regions.map((region) => region.region)).toContain('roubaix');
      await core.invoke('plan.list', {});
      // LUNANODE_MONOTONIC_NONCE from the settings: two calls in the same second still get rising nonces.
      const [first, second] = sim.log.map((record) => Number(new URLSearchParams(record.body).get('nonce')));
      expect(second).toBeGreaterThan(first as number);
      await core.close();
      expect(() => lunanodeModule.connect({ LUNANODE_API_KEY: LUNANODE_DEMO_API_KEY })).toThrow(
        /LUNANODE_API_ID/,
      );
    } finally {
      if (saved === undefined) delete process.env.LUNANODE_API_ID;
      else process.env.LUNANODE_API_ID = saved;
    }
  });
});
