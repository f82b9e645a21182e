import { inspect } from 'node:util';
import type { Logger, VendorClient } from '@x/auth-core';
import { createIspManagerClient } from '@x/ispmanager';
import { createLunaNodeClient } from '@x/lunanode';
import {
  type Fault,
  type IspManagerState,
  type Simulator,
  unusedPort,
  type VmManagerState,
  vmmanagerControls,
} from '@x/testkit';
import { createTuxCareClient } from '@x/tuxcare';
import { createVmManagerClient } from '@x/vmmanager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANARY,
  captureLogger,
  connect,
  createEchoingPanel,
  errorSurfaces,
  FAST,
  ISP_USER,
  leaksIn,
  outcome,
  REDACTED,
  straddling,
  VENDORS,
  type VendorCase,
  VM_EMAIL,
} from './support.js';

/** The secrets each vendor's client knows (only those can be removed from what its server echoes). */
const OWN_SECRETS: Record<VendorCase['id'], string[]> = {
  tuxcare: [CANARY.tuxcareSecret],
  lunanode: [CANARY.lunanodeKey],
  ispmanager: [CANARY.ispPassword],
  vmmanager: [CANARY.vmPassword],
};

/** The canary VMmanager password without its non-ASCII letter (account passwords are printable ASCII). */
const ASCII_VM_PASSWORD = CANARY.vmPassword.replace(/[^\x20-\x7e]/g, '');

/** Cut points of the excerpts and log lines in the clients (vendor messages, excerpts, debug bodies). */
const CUTS = [200, 300, 500];

/** A page that repeats the vendor's secrets raw, URL-encoded and base64, and across every cut point. */
function echoPage(id: VendorCase['id']): string {
  const own = OWN_SECRETS[id];
  const first = own[0] ?? '';
  const straddle = straddling(first, CUTS, '<html><body><h1>Internal error</h1><p>');
  const forms = own
    .flatMap((secret) => [
      `password=${encodeURIComponent(secret)}`,
      `key: ${secret}`,
      Buffer.from(secret).toString('base64'),
    ])
    .join(' ');
  return `${straddle}${forms}</p></body></html>`;
}

/** Queues a fault (3 uses); VMmanager's hit the call, not the password login before it. */
function inject(vendor: VendorCase, sim: Simulator<unknown>, fault: Fault, times = 3): void {
  sim.faults.add(fault, vendor.id === 'vmmanager' ? { times, match: { path: /^\/vm\// } } : { times });
}

/** Everything the run saw: per scenario, the text of every surface. */
const seen: Array<{ vendor: string; scenario: string; ok: boolean; kind: string; text: string }> = [];
const capture = captureLogger();

function surfaceOf(result: { ok: boolean; value: unknown }): string {
  return result.ok
    ? `${JSON.stringify(result.value)}\n${inspect(result.value, { depth: 10 })}`
    : errorSurfaces(result.value);
}

type Expectation = 'ok' | 'error' | string;
interface Scenario {
  name: string;
  expect: Expectation;
  /** The answer quotes the secret: the error or the log must show the redaction marker where it was. */
  quotesSecret?: boolean;
  /** The vendor's own data carries the secret: the client returns it as data, so only logs are checked. */
  echoesInResult?: boolean;
  run: (ctx: VendorContext) => Promise<unknown>;
}

interface VendorContext {
  vendor: VendorCase;
  accepting: Simulator<unknown>;
  rejecting: Simulator<unknown>;
  client(url: string, extra?: Parameters<typeof connect>[3]): VendorClient<never>;
}

const generic: Scenario[] = [
  {
    name: 'success: a read',
    expect: 'ok',
    run: ({ vendor, accepting, client }) => client(accepting.url).invoke(vendor.read.id, vendor.read.input),
  },
  {
    name: 'success: a write',
    expect: 'ok',
    run: ({ vendor, accepting, client }) => client(accepting.url).invoke(vendor.write.id, vendor.write.input),
  },
  {
    name: 'dry-run previews of a read, a write and a destructive call',
    expect: 'ok',
    run: async ({ vendor, accepting, client }) => {
      const c = client(accepting.url);
      const previews = [
        await c.preview(vendor.read.id, vendor.read.input),
        await c.preview(vendor.write.id, vendor.write.input),
        await c.preview(vendor.destroy.id, vendor.destroy.input),
      ];
      // Every preview shows where the credential goes, redacted.
      for (const preview of previews) expect(JSON.stringify(preview)).toContain(REDACTED);
      return previews;
    },
  },
  {
    name: 'credentials refused on a read',
    expect: 'auth',
    run: ({ vendor, rejecting, client }) => client(rejecting.url).invoke(vendor.read.id, vendor.read.input),
  },
  {
    name: 'credentials refused on a write',
    expect: 'auth',
    run: ({ vendor, rejecting, client }) => client(rejecting.url).invoke(vendor.write.id, vendor.write.input),
  },
  {
    name: 'connection refused',
    expect: 'transport',
    run: async ({ vendor, client }) =>
      client(`http://127.0.0.1:${await unusedPort()}`).invoke(vendor.read.id, vendor.read.input),
  },
  {
    name: 'a 5xx storm whose HTML page echoes the secrets',
    expect: 'error',
    quotesSecret: true,
    run: ({ vendor, accepting, client }) => {
      accepting.faults.add(
        { kind: 'status', status: 500, headers: { 'content-type': 'text/html' }, body: echoPage(vendor.id) },
        { times: Number.POSITIVE_INFINITY },
      );
      return client(accepting.url).invoke(vendor.read.id, vendor.read.input);
    },
  },
  {
    name: 'a 200 HTML login page echoing the secrets instead of the answer',
    expect: 'error',
    quotesSecret: true,
    run: ({ vendor, accepting, client }) => {
      inject(vendor, accepting, { kind: 'malformed', body: echoPage(vendor.id) });
      return client(accepting.url).invoke(vendor.read.id, vendor.read.input);
    },
  },
  {
    name: 'JSON of the wrong shape echoing the secrets',
    expect: 'error',
    quotesSecret: true,
    run: async ({ vendor, accepting, client }) => {
      // The client cuts the decoded value, whose offsets differ from the body's: shift the secret by steps
      // shorter than its tail, so that in one of the runs it straddles the cut with its head before it.
      const secret = OWN_SECRETS[vendor.id][0] ?? '';
      const errors: unknown[] = [];
      for (let pad = 0; pad <= secret.length; pad += secret.length - 13) {
        const value = [`${'y'.repeat(pad)}${`${secret} `.repeat(40)}`];
        const body = {
          tuxcare: { success: true, message: null, type: null, data: [{ key: value }] },
          lunanode: { success: 'yes', vms: [{ vm_id: value }] },
          ispmanager: { doc: { elem: [{ name: value }] } },
          vmmanager: { list: [{ id: value }] },
        }[vendor.id];
        inject(vendor, accepting, {
          kind: 'malformed',
          contentType: 'application/json',
          body: JSON.stringify(body),
        });
        const result = await outcome(() => client(accepting.url).invoke(vendor.read.id, vendor.read.input));
        expect(result.ok).toBe(false);
        errors.push(result.value);
      }
      throw new AggregateError(errors, 'every run failed');
    },
  },
  {
    name: 'a truncated body',
    expect: 'error',
    run: ({ vendor, accepting, client }) => {
      inject(vendor, accepting, { kind: 'truncate' });
      return client(accepting.url).invoke(vendor.read.id, vendor.read.input);
    },
  },
  {
    name: 'a redirect whose Location carries the secrets',
    expect: 'transport',
    run: ({ vendor, accepting, client }) => {
      const secret = OWN_SECRETS[vendor.id][0] ?? '';
      const location =
        `http://attacker.invalid/${encodeURIComponent(secret)}/cb?password=${encodeURIComponent(secret)}` +
        `&b=${Buffer.from(secret).toString('base64url')}`;
      inject(vendor, accepting, { kind: 'redirect', location, status: 307 });
      return client(accepting.url).invoke(vendor.read.id, vendor.read.input);
    },
  },
  {
    name: 'a reset before the answer to a write',
    expect: 'transport',
    run: ({ vendor, accepting, client }) => {
      inject(vendor, accepting, { kind: 'reset' });
      return client(accepting.url).invoke(vendor.write.id, vendor.write.input);
    },
  },
  {
    name: 'a reset in the middle of the body',
    expect: 'transport',
    run: ({ vendor, accepting, client }) => {
      inject(vendor, accepting, { kind: 'reset-mid-body' });
      return client(accepting.url).invoke(vendor.read.id, vendor.read.input);
    },
  },
  {
    name: 'slow headers (timeout) on a write',
    expect: 'timeout',
    run: ({ vendor, accepting, client }) => {
      inject(vendor, accepting, { kind: 'delay', ms: 1_000 });
      return client(accepting.url, { timeouts: { ...FAST.timeouts, headersMs: 100 } }).invoke(
        vendor.write.id,
        vendor.write.input,
      );
    },
  },
  {
    name: 'a hung server (deadline)',
    expect: 'timeout',
    run: ({ vendor, accepting, client }) => {
      inject(vendor, accepting, { kind: 'hang' });
      return client(accepting.url, { timeouts: { ...FAST.timeouts, deadlineMs: 250 } }).invoke(
        vendor.read.id,
        vendor.read.input,
      );
    },
  },
  {
    name: 'an oversized answer (size cap)',
    expect: 'transport',
    run: ({ vendor, accepting, client }) => {
      inject(vendor, accepting, { kind: 'oversized', bytes: 8_192 });
      return client(accepting.url, { maxResponseBytes: 4_096 }).invoke(vendor.read.id, vendor.read.input);
    },
  },
  {
    name: 'a panel that answers 500 with a dump of the whole request',
    expect: 'error',
    quotesSecret: true,
    run: async ({ vendor, client }) => {
      const panel = await createEchoingPanel(500).start();
      try {
        return await client(panel.url).invoke(vendor.write.id, vendor.write.input);
      } finally {
        await panel.stop();
      }
    },
  },
  {
    name: 'a panel that answers 200 with a dump of the whole request',
    expect: 'error',
    quotesSecret: true,
    run: async ({ vendor, client }) => {
      const panel = await createEchoingPanel(200).start();
      try {
        return await client(panel.url).invoke(vendor.read.id, vendor.read.input);
      } finally {
        await panel.stop();
      }
    },
  },
];

/** Paths only one vendor has: where its credential travels differently. */
const specific: Record<VendorCase['id'], Scenario[]> = {
  tuxcare: [
    {
      name: 'the Nagios reseller call (login and token in the URL path): preview and call',
      expect: 'ok',
      run: async ({ accepting, client }) => {
        const c = client(accepting.url);
        const preview = await c.preview('kcare.nagios_res', {});
        expect(JSON.stringify(preview)).toContain(REDACTED);
        seen.push({
          vendor: 'tuxcare',
          scenario: 'nagios_res preview',
          ok: true,
          kind: 'ok',
          text: JSON.stringify(preview),
        });
        return c.invoke('kcare.nagios_res', {});
      },
    },
    {
      name: 'the typed client with canary credentials from the environment',
      expect: 'auth',
      run: async ({ rejecting }) => {
        const tc = createTuxCareClient({
          ...FAST,
          logger: capture.logger,
          env: {
            TUXCARE_LOGIN: CANARY.tuxcareLogin,
            TUXCARE_SECRET_KEY: CANARY.tuxcareSecret,
            TUXCARE_BASE_URL: `${rejecting.url}/api`,
          },
        });
        try {
          return await tc.ipl.list({});
        } finally {
          await tc.close();
        }
      },
    },
    {
      name: 'a base URL carrying the secret in its query (ConfigError)',
      expect: 'config',
      run: async () =>
        createTuxCareClient({
          ...FAST,
          login: CANARY.tuxcareLogin,
          secretKey: CANARY.tuxcareSecret,
          baseUrl: `http://127.0.0.1:9/api?key=${encodeURIComponent(CANARY.tuxcareSecret)}`,
        }),
    },
    {
      name: 'a login with a "|" (ConfigError)',
      expect: 'config',
      run: async () =>
        createTuxCareClient({ ...FAST, login: `${CANARY.tuxcareLogin}|x`, secretKey: CANARY.tuxcareSecret }),
    },
  ],
  lunanode: [
    {
      name: 'the legacy API (api_key in the query string): success and refusal',
      expect: 'auth',
      run: async ({ accepting, rejecting }) => {
        const make = (url: string) =>
          createLunaNodeClient({
            ...FAST,
            logger: capture.logger,
            apiId: CANARY.lunanodeId,
            apiKey: CANARY.lunanodeKey,
            baseUrl: `${url}/api`,
            legacyApi: true,
          });
        const good = make(accepting.url);
        const bad = make(rejecting.url);
        try {
          const listed = await good.vm.list({});
          seen.push({
            vendor: 'lunanode',
            scenario: 'legacy success',
            ok: true,
            kind: 'ok',
            text: JSON.stringify(listed),
          });
          return await bad.vm.list({});
        } finally {
          await good.close();
          await bad.close();
        }
      },
    },
    {
      name: 'a key one character short (ConfigError)',
      expect: 'config',
      run: async () =>
        createLunaNodeClient({ ...FAST, apiId: CANARY.lunanodeId, apiKey: CANARY.lunanodeKey.slice(1) }),
    },
    {
      name: 'an API id of the wrong length (ConfigError)',
      expect: 'config',
      run: async () =>
        createLunaNodeClient({ ...FAST, apiId: `${CANARY.lunanodeId}x`, apiKey: CANARY.lunanodeKey }),
    },
  ],
  ispmanager: [
    {
      name: 'session auth: login, a call, the session dropped and renewed, then a wrong password',
      expect: 'auth',
      run: async ({ accepting, rejecting }) => {
        const make = (url: string) =>
          createIspManagerClient({
            ...FAST,
            logger: capture.logger,
            url: `${url}/ispmgr`,
            username: ISP_USER,
            password: CANARY.ispPassword,
            auth: 'session',
          });
        const good = make(accepting.url);
        const bad = make(rejecting.url);
        try {
          const first = await good.user.list({});
          const state = (accepting as Simulator<IspManagerState>).state as unknown as {
            sessions?: unknown[];
          };
          if (Array.isArray(state.sessions)) state.sessions.length = 0;
          const again = await good.user.list({});
          seen.push({
            vendor: 'ispmanager',
            scenario: 'session success',
            ok: true,
            kind: 'ok',
            text: JSON.stringify([first, again]),
          });
          return await bad.user.list({});
        } finally {
          await good.close();
          await bad.close();
        }
      },
    },
    {
      // The client returns the panel's data as it is (the MCP server redacts results); its log must not echo it.
      name: 'a panel whose data holds the password, XML-escaped (debug log of the answer)',
      expect: 'ok',
      echoesInResult: true,
      run: ({ accepting, client }) => {
        const users = (accepting as Simulator<IspManagerState>).state.user as Array<Record<string, unknown>>;
        for (const user of users) user.fullname = `${CANARY.ispPassword} <set by the panel>`;
        return client(accepting.url).invoke('user.list', {});
      },
    },
    {
      name: 'a one-time login key (session.newkey) for a user',
      expect: 'ok',
      run: ({ accepting, client }) => client(accepting.url).invoke('session.newkey', { username: 'alice' }),
    },
    {
      name: 'the generic call refusing func=auth with the password in params',
      expect: 'input',
      run: ({ accepting, client }) =>
        client(accepting.url).invoke('call', {
          func: 'auth',
          params: { username: ISP_USER, password: CANARY.ispPassword },
        }),
    },
    {
      name: 'a username with ":" (ConfigError)',
      expect: 'config',
      run: async () =>
        createIspManagerClient({
          ...FAST,
          url: 'http://127.0.0.1:9/ispmgr',
          username: `${ISP_USER}:x`,
          password: CANARY.ispPassword,
        }),
    },
    {
      name: 'credentials in the panel URL (ConfigError)',
      expect: 'config',
      run: async () =>
        createIspManagerClient({
          ...FAST,
          url: `http://${ISP_USER}:${encodeURIComponent(CANARY.ispPassword)}@127.0.0.1:9/ispmgr`,
          username: ISP_USER,
          password: CANARY.ispPassword,
        }),
    },
  ],
  vmmanager: [
    {
      name: 'a static token: success, then expired (AuthError, nothing to log in with)',
      expect: 'auth',
      run: async ({ accepting }) => {
        const vm = createVmManagerClient(
          { url: accepting.url, token: CANARY.vmToken },
          { ...FAST, logger: capture.logger },
        );
        try {
          const hosts = await vm.host.list({});
          seen.push({
            vendor: 'vmmanager',
            scenario: 'static token success',
            ok: true,
            kind: 'ok',
            text: JSON.stringify(hosts),
          });
          const preview = await vm.preview('host.delete', { host_id: 1 });
          expect(JSON.stringify(preview)).toContain(REDACTED);
          seen.push({
            vendor: 'vmmanager',
            scenario: 'token preview',
            ok: true,
            kind: 'ok',
            text: JSON.stringify(preview),
          });
          vmmanagerControls.expireTokens(accepting as Simulator<VmManagerState>);
          return await vm.host.list({});
        } finally {
          await vm.close();
        }
      },
    },
    {
      name: 'password login, tokens expired, re-login, then a suspended instance (503 storm)',
      expect: 'error',
      run: async ({ accepting, client }) => {
        const c = client(accepting.url);
        await c.invoke('host.list', {});
        vmmanagerControls.expireTokens(accepting as Simulator<VmManagerState>);
        const again = await c.invoke('account.list', {});
        seen.push({
          vendor: 'vmmanager',
          scenario: 're-login',
          ok: true,
          kind: 'ok',
          text: JSON.stringify(again),
        });
        vmmanagerControls.suspend(accepting as Simulator<VmManagerState>, 50);
        try {
          return await c.invoke('host.list', {});
        } finally {
          vmmanagerControls.suspend(accepting as Simulator<VmManagerState>, 0);
        }
      },
    },
    {
      name: 'a new account created with the canary password as its argument',
      expect: 'ok',
      run: ({ accepting, client }) =>
        client(accepting.url).invoke('account.create', {
          email: 'new@example.com',
          password: ASCII_VM_PASSWORD,
        }),
    },
    {
      name: 'both a password and a token (ConfigError)',
      expect: 'config',
      run: async () =>
        createVmManagerClient(
          {
            url: 'http://127.0.0.1:9',
            email: VM_EMAIL,
            password: CANARY.vmPassword,
            token: CANARY.vmToken,
          } as never,
          FAST,
        ),
    },
  ],
};

describe.each(VENDORS)('$id with canary credentials', (vendor) => {
  const ctx = {} as VendorContext;
  const clients: VendorClient<never>[] = [];
  beforeAll(async () => {
    ctx.vendor = vendor;
    ctx.accepting = await vendor.accepting();
    ctx.rejecting = await vendor.rejecting();
    ctx.client = (url, extra = {}) => {
      const client = connect(vendor, vendor.settings(url), capture.logger as Logger, extra);
      clients.push(client);
      return client;
    };
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await ctx.accepting.stop();
    await ctx.rejecting.stop();
  });

  it.each([...generic, ...specific[vendor.id]])('$name', async (scenario) => {
    const before = capture.lines.length;
    const result = await outcome(() => scenario.run(ctx));
    ctx.accepting.faults.clear();
    ctx.rejecting.faults.clear();
    const kind = result.ok ? 'ok' : String((result.value as { kind?: unknown }).kind ?? 'foreign');
    const text = surfaceOf(result);
    seen.push({ vendor: vendor.id, scenario: scenario.name, ok: result.ok, kind, text });
    if (scenario.expect === 'ok') expect(result.ok, text.slice(0, 2000)).toBe(true);
    else if (scenario.expect === 'error') expect(result.ok, text.slice(0, 500)).toBe(false);
    else expect(kind, text.slice(0, 2000)).toBe(scenario.expect);
    if (!scenario.echoesInResult) expect(leaksIn(text), text.slice(0, 3000)).toEqual([]);
    else expect(leaksIn(text).length).toBeGreaterThan(0); // the echo did reach the client
    const logged = capture.lines.slice(before).join('\n');
    expect(leaksIn(logged), logged.slice(0, 3000)).toEqual([]);
    // Where the answer quoted the secret, the error or the debug line of the answer shows the marker instead.
    if (scenario.quotesSecret) {
      const answers = capture.lines.slice(before).filter((line) => line.startsWith('debug ← '));
      expect(`${text}\n${answers.join('\n')}`).toContain(REDACTED);
    }
  });
});

describe('the run was not vacuous', () => {
  it('every vendor failed in every way and succeeded, and the log shows redacted credentials', () => {
    for (const vendor of VENDORS) {
      const mine = seen.filter((entry) => entry.vendor === vendor.id);
      const kinds = new Set(mine.map((entry) => entry.kind));
      for (const kind of ['ok', 'auth', 'transport', 'timeout', 'config']) {
        expect(kinds.has(kind), `${vendor.id} produced a ${kind} outcome`).toBe(true);
      }
      expect(kinds.has('response-format') || kinds.has('api'), `${vendor.id} parse or api error`).toBe(true);
    }
    const log = capture.lines.join('\n');
    expect(capture.lines.length).toBeGreaterThan(100);
    expect(log).toContain('→ POST');
    expect(log).toContain(REDACTED);
    // Every error surface is long enough to have held a secret, and some name the redaction.
    const errors = seen.filter((entry) => !entry.ok);
    expect(errors.length).toBeGreaterThan(60);
    expect(errors.filter((entry) => entry.text.includes(REDACTED)).length).toBeGreaterThan(10);
  });
});
