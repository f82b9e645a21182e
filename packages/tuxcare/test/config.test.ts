import { tuxcareSandbox } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { ConfigError, createTuxCareClient, TUXCARE_BASE_URLS, tuxcareModule } from '../src/index.js';
import { DEMO, lastRequest, useSimulator } from './support.js';

describe('configuration', () => {
  const ctx = useSimulator();

  it('names the option and the env variable when a credential is missing', () => {
    expect(() => createTuxCareClient({ env: {} })).toThrow(ConfigError);
    expect(() => createTuxCareClient({ env: {} })).toThrow(/`login`.*TUXCARE_LOGIN/);
    expect(() => createTuxCareClient({ env: { TUXCARE_LOGIN: 'a' } })).toThrow(
      /`secretKey`.*TUXCARE_SECRET_KEY/,
    );
    expect(() => createTuxCareClient({ login: 'a|b', secretKey: 's', env: {} })).toThrow(/must not contain/);
    expect(() => createTuxCareClient({ login: 'a', secretKey: 's', baseUrl: 'ftp://x', env: {} })).toThrow(
      ConfigError,
    );
  });

  it('reads TUXCARE_LOGIN, TUXCARE_SECRET_KEY and TUXCARE_BASE_URL from the environment', async () => {
    const client = createTuxCareClient({
      env: {
        TUXCARE_LOGIN: DEMO.login,
        TUXCARE_SECRET_KEY: DEMO.secretKey,
        TUXCARE_BASE_URL: `${ctx.sim.url}/api/`,
      },
    });
    await expect(client.ipl.list()).resolves.toHaveLength(3);
    expect(lastRequest(ctx.sim).path).toBe('/api/ipl/list.json');
    await client.close();
  });

  it('defaults to the portal; the CLN base is one option (or preset name) away', async () => {
    const portal = createTuxCareClient({ login: 'l', secretKey: 's', env: {} });
    expect((await portal.preview('ipl.list', {})).url).toMatch(
      /^https:\/\/portal\.tuxcare\.com\/api\/ipl\/list\.json\?token=/,
    );
    const cln = createTuxCareClient({ login: 'l', secretKey: 's', baseUrl: 'cln', env: {} });
    expect((await cln.preview('ipl.list', {})).url).toMatch(
      /^https:\/\/cln\.cloudlinux\.com\/api\/ipl\/list\.json\?/,
    );
    const explicit = createTuxCareClient({
      login: 'l',
      secretKey: 's',
      baseUrl: TUXCARE_BASE_URLS.cln,
      env: {},
    });
    expect((await explicit.preview('status', {})).url).toBe('https://cln.cloudlinux.com/api/status.json');
    expect(ctx.sim.log).toHaveLength(0);
    await Promise.all([portal.close(), cln.close(), explicit.close()]);
  });

  it('the simulator serves the same API under /clweb/api (the Datadog form of the CLN URL)', async () => {
    const client = ctx.make({ baseUrl: `${ctx.sim.url}/clweb/api` });
    await expect(client.kcare.nagios.key({ key: 'CEGaUovC9Bi8ppH9' })).resolves.toMatchObject({ ok: true });
    await expect(client.ipl.list()).resolves.toHaveLength(3);
  });

  it('tuxcareModule.connect uses the settings only, and the sandbox settings connect to the simulator', async () => {
    expect(() => tuxcareModule.connect({})).toThrow(/TUXCARE_LOGIN/);
    const core = tuxcareModule.connect(tuxcareSandbox.settings?.(ctx.sim.url) ?? {});
    await expect(core.invoke('kcare.key.list', {})).resolves.toHaveLength(2);
    await expect(core.api.group.list()).resolves.toEqual([
      { name: 'production', description: 'Production servers' },
    ]);
    await core.close();
  });
});
