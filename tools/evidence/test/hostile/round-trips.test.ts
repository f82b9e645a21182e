import { createIspManagerClient, type IspManagerClient, type IspManagerClientOptions } from '@x/ispmanager';
import { createLunaNodeClient, type LunaNodeClient } from '@x/lunanode';
import {
  createIspManagerSimulator,
  createLunaNodeSimulator,
  createTuxCareSimulator,
  createVmManagerSimulator,
  ISPMANAGER_DEMO,
  type IspManagerState,
  LUNANODE_DEMO_API_ID,
  LUNANODE_DEMO_API_KEY,
  type LunaNodeState,
  type RequestRecord,
  type Simulator,
  TUXCARE_DEMO_ACCOUNT,
  type TuxCareSimulator,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
  type VmManagerState,
} from '@x/testkit';
import { createTuxCareClient, type TuxCareClient } from '@x/tuxcare';
import { createVmManagerClient, type VmManagerClient, whereText } from '@x/vmmanager';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nastyString } from './support.js';

/**
 * Random text with every awkward character (`&`, `#`, `+`, `=`, `%`, quotes, newlines, NUL, non-ASCII, astral)
 * through each vendor's signer or encoder into its simulator, which decodes it the way the vendor documents:
 * the value that arrives, and the value stored, is the value sent.
 */

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, timeouts: { deadlineMs: 10_000 } };
const RUNS = 20;

function last(sim: Simulator<unknown>): RequestRecord {
  const record = sim.log.at(-1);
  if (!record) throw new Error(`no request reached ${sim.name}`);
  return record;
}

describe('LunaNode: the signed request verifies and its parameters arrive intact', () => {
  let sim: Simulator<LunaNodeState>;
  let client: LunaNodeClient;
  beforeAll(async () => {
    sim = (await createLunaNodeSimulator().start()) as Simulator<LunaNodeState>;
    client = createLunaNodeClient({
      apiId: LUNANODE_DEMO_API_ID,
      apiKey: LUNANODE_DEMO_API_KEY,
      baseUrl: `${sim.url}/api`,
      env: {},
      ...fast,
    });
  });
  afterAll(async () => {
    await client?.close();
    await sim?.stop();
  });

  it('script/create with random name and content: accepted (signature verified), stored and listed as sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Names are trimmed by the schema, so the generated one is already trimmed.
        nastyString({ maxLength: 64 })
          .map((name) => name.trim())
          .filter((name) => name.length > 0),
        nastyString({ maxLength: 400 }),
        async (name, content) => {
          const created = await client.script.create({ name, content });
          const id = String(created.script_id);
          // What arrived: the req JSON the simulator verified the HMAC over, decoded back to the values.
          const form = new URLSearchParams(last(sim).body);
          const req = JSON.parse(form.get('req') ?? '') as Record<string, unknown>;
          expect(req.name).toBe(name);
          expect(req.content).toBe(content);
          // req is pure ASCII (non-ASCII escaped as \uXXXX), so the signed bytes cannot change in transit.
          expect(form.get('req')).toMatch(/^[\x20-\x7e]*$/);
          expect(sim.state.scripts.find((script) => script.id === id)).toMatchObject({ name, content });
          const listed = await client.script.list();
          expect(listed.scripts.find((script) => script.id === id)).toMatchObject({ name, content });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a request whose parameters were altered after signing is refused by the simulator', async () => {
    const before = sim.state.scripts.length;
    // Replaying the client's signature over a req with one parameter changed must fail the HMAC check.
    await client.script.create({ name: 'original', content: 'a&b=c' });
    const signed = new URLSearchParams(last(sim).body);
    const req = (signed.get('req') ?? '').replace('a&b=c', 'a&b=d');
    const replay = await fetch(`${sim.url}/api/script/create/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        req,
        signature: signed.get('signature') ?? '',
        nonce: signed.get('nonce') ?? '',
      }),
    });
    const answer = (await replay.json()) as { success: string; error?: string };
    expect(answer.success).toBe('no');
    expect(answer.error).toMatch(/authentication failure/);
    expect(sim.state.scripts.length).toBe(before + 1);
  });
});

describe('ISPmanager: form-encoded values arrive and are stored intact', () => {
  let sim: Simulator<IspManagerState>;
  let client: IspManagerClient;
  let jsonClient: IspManagerClient;
  let n = 0;
  beforeAll(async () => {
    sim = (await createIspManagerSimulator().start()) as Simulator<IspManagerState>;
    const options: IspManagerClientOptions = {
      url: `${sim.url}/ispmgr`,
      username: ISPMANAGER_DEMO.username,
      password: ISPMANAGER_DEMO.password,
      env: {},
      proxy: false,
      ...fast,
    };
    client = createIspManagerClient(options);
    jsonClient = createIspManagerClient({ ...options, format: 'json' });
  });
  afterAll(async () => {
    await client?.close();
    await jsonClient?.close();
    await sim?.stop();
  });

  it('user.edit (create) with random full name, comment and password: sent, stored, read back (XML, JSON)', async () => {
    await fc.assert(
      fc.asyncProperty(
        nastyString({ maxLength: 256 }),
        nastyString({ maxLength: 400 }),
        nastyString({ maxLength: 100 }),
        async (fullname, comment, passwd) => {
          const name = `u${++n}`;
          await client.user.edit({ mode: 'create', name, passwd, fullname, comment });
          const form = Object.fromEntries(new URLSearchParams(last(sim).body));
          expect(form).toMatchObject({ func: 'user.edit', sok: 'ok', name, fullname, comment, passwd });
          expect(sim.state.user.find((user) => user.name === name)).toMatchObject({ fullname, comment });
          // Read back through the XML answer: intact, leading and trailing spaces included, except that XML
          // itself turns a raw CR LF or CR in text into LF (XML 1.0, 2.11) when the panel does not escape it.
          const listed = await client.user.list();
          const xmlText = fullname.replace(/\r\n?/g, '\n');
          expect(listed.elements.find((user) => user.name === name)?.fullname).toBe(xmlText);
          // And through out=json, exactly.
          const json = await jsonClient.user.list();
          expect(json.elements.find((user) => user.name === name)?.fullname).toBe(fullname);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('TuxCare: query arguments arrive intact', () => {
  let sim: TuxCareSimulator;
  let client: TuxCareClient;
  beforeAll(async () => {
    sim = await createTuxCareSimulator().start();
    client = createTuxCareClient({
      login: TUXCARE_DEMO_ACCOUNT.login,
      secretKey: TUXCARE_DEMO_ACCOUNT.secretKey,
      baseUrl: `${sim.url}/api`,
      env: {},
      ...fast,
    });
  });
  afterAll(async () => {
    await client?.close();
    await sim?.stop();
  });

  it('ELS key create with a random note: the query note, the created and the listed description match', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString({ maxLength: 100 }), async (note) => {
        const key = await client.els.key.create({ code: 'CELS', limit: 1, note });
        expect(last(sim).query.note).toBe(note);
        const listed = await client.els.key.list({ code: 'CELS' });
        expect(key.description).toBe(note);
        expect(listed.find((item) => item.key === key.key)?.description).toBe(note);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('VMmanager: filter values round-trip', () => {
  let sim: Simulator<VmManagerState>;
  let client: VmManagerClient;
  beforeAll(async () => {
    sim = (await createVmManagerSimulator({ taskDelayMs: 1 }).start()) as Simulator<VmManagerState>;
    client = createVmManagerClient(
      { url: sim.url, email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD },
      { env: {}, ...fast },
    );
  });
  afterAll(async () => {
    await client?.close();
    await sim?.stop();
  });

  it('a random comment set on a host is found again by an EQ filter on that very text', async () => {
    const host = sim.state.hosts[0];
    if (!host) throw new Error('the simulator has no host');
    await fc.assert(
      fc.asyncProperty(nastyString({ maxLength: 200 }), async (comment) => {
        await client.host.update({ host_id: host.id, comment });
        expect(sim.state.hosts.find((item) => item.id === host.id)?.comment).toBe(comment);
        const where = { field: 'comment', op: 'EQ', value: comment } as const;
        const listed = await client.host.list({ where });
        // The simulator parsed the same expression the client wrote, quotes and backslashes escaped.
        expect(last(sim).query.where).toBe(whereText(where));
        expect(listed.list.map((item) => item.id)).toEqual([host.id]);
        expect(listed.list[0]?.comment).toBe(comment);
      }),
      { numRuns: RUNS },
    );
  });
});
