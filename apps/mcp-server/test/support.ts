import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { createVendorClient, endpoint, formBody, readSetting, refusalError } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import { createSimulator, type Simulator } from '@x/testkit';
import { z } from 'zod';
import { createApp } from '../src/app.js';
import { parseOptions } from '../src/options.js';
import { createMcpServer } from '../src/server.js';

/** Canary credentials: no test output may ever contain them. */
export const CANARY_KEY = 'CANARY-demo-key-5f1e9a77';

interface Thing {
  id: string;
  name: string;
}

/** A tiny vendor API: things with list, get, create, delete, and an endpoint that always fails. */
export function createDemoSimulator(): Simulator<{ things: Thing[]; next: number }> {
  return createSimulator({
    name: 'demo',
    seed: () => ({
      things: Array.from({ length: 3 }, (_, i) => ({ id: `t${i + 1}`, name: `thing ${i + 1}` })),
      next: 4,
    }),
    handler: (req, { state }) => {
      const form = req.form();
      if (form.get('key') !== CANARY_KEY) return { status: 401, body: { error: 'bad key' } };
      const name = form.get('name') ?? '';
      switch (req.path) {
        case '/things/list':
          return { body: { items: state.things } };
        case '/things/create': {
          const thing = { id: `t${state.next++}`, name };
          state.things.push(thing);
          return { body: { item: thing } };
        }
        case '/things/delete': {
          const before = state.things.length;
          state.things = state.things.filter((thing) => thing.id !== form.get('id'));
          if (state.things.length === before)
            return { status: 404, body: { error: `no thing ${form.get('id')}` } };
          return { body: { deleted: form.get('id') } };
        }
        case '/things/big':
          return {
            body: { items: Array.from({ length: 2000 }, (_, i) => ({ id: `b${i}`, name: 'x'.repeat(40) })) },
          };
        case '/fail':
          return { status: 500, body: { error: `backend exploded while using ${CANARY_KEY}` } };
        default:
          return { status: 404, body: { error: 'unknown path' } };
      }
    },
  });
}

const Thing = z.object({ id: z.string(), name: z.string() });

export const demoCatalog = {
  things: {
    list: endpoint({
      summary: 'List things.',
      route: { path: '/things/list' },
      input: z.strictObject({}),
      output: z.object({ items: z.array(Thing) }),
      effect: 'read',
    }),
    create: endpoint({
      summary: 'Create a thing.',
      route: { path: '/things/create' },
      input: z.strictObject({ name: z.string().min(1).max(20).describe('name of the thing') }),
      output: z.object({ item: Thing }),
      effect: 'create',
    }),
    delete: endpoint({
      summary: 'Delete a thing.',
      description: 'id from demo_things_list.',
      route: { path: '/things/delete' },
      input: z.strictObject({
        id: z
          .string()
          .regex(/^t\d+$/)
          .describe('thing id'),
      }),
      output: z.object({ deleted: z.string() }),
      effect: 'delete',
    }),
    big: endpoint({
      summary: 'A very long list.',
      route: { path: '/things/big' },
      input: z.strictObject({}),
      output: z.object({ items: z.array(Thing) }),
      effect: 'read',
    }),
  },
  fail: endpoint({
    summary: 'Always fails.',
    route: { path: '/fail' },
    input: z.strictObject({}),
    output: z.unknown(),
    effect: 'read',
  }),
};

/** The demo vendor as the server sees it: settings DEMO_URL and DEMO_KEY. */
export const demoModule: VendorModule<typeof demoCatalog> = {
  id: 'demo',
  title: 'Demo',
  catalog: demoCatalog,
  settings: { required: ['DEMO_URL', 'DEMO_KEY'], optional: [], secret: ['DEMO_KEY'] },
  connect(settings, options) {
    const source = { vendor: 'Demo', factory: 'demo' };
    const url = readSetting(settings.DEMO_URL, { ...source, option: 'url', env: 'DEMO_URL' }, {});
    const key = readSetting(settings.DEMO_KEY, { ...source, option: 'key', env: 'DEMO_KEY' }, {});
    const core = createVendorClient({
      vendor: 'demo',
      product: { name: '@x/demo', version: '0.0.0' },
      catalog: demoCatalog,
      options: { ...options, retry: { baseDelayMs: 1, maxDelayMs: 2 } },
      secrets: [key],
      codec: {
        build: (call) => ({
          method: 'POST',
          url: `${url}${(call.endpoint.route as { path: string }).path}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody({ key, ...(call.input as Record<string, string>) }),
        }),
        decode: (response, call) => {
          const body = JSON.parse(response.text()) as { error?: string };
          if (response.status >= 400) throw refusalError('demo', call.id, response, { message: body.error });
          return body;
        },
      },
    });
    return core;
  },
};

/** Starts a demo simulator and an in-process MCP client/server pair over it. */
export async function connectDemo(
  args: string[] = [],
  accounts = 1,
  elicit?: (message: string) => {
    action: 'accept' | 'decline' | 'cancel';
    content?: Record<string, unknown>;
  },
) {
  const sim = createDemoSimulator();
  await sim.start();
  const env: Record<string, string> = {};
  const named: Record<string, Record<string, string>> = {};
  if (accounts === 1) Object.assign(env, { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY });
  else for (let i = 1; i <= accounts; i++) named[`node${i}`] = { DEMO_URL: sim.url, DEMO_KEY: CANARY_KEY };
  const app = await createApp(parseOptions(args, {}), {
    vendors: [demoModule],
    env,
    config: { accounts: { demo: named } },
    elicitation: elicit !== undefined,
  });
  const registry = app.registry;
  const server = createMcpServer(registry);
  const client = new Client(
    { name: 'test', version: '0.0.0' },
    elicit ? { capabilities: { elicitation: { form: {} } } } : undefined,
  );
  if (elicit) {
    client.setRequestHandler(ElicitRequestSchema, async (request) =>
      elicit((request.params as { message: string }).message),
    );
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    sim,
    app,
    client,
    close: async () => {
      await client.close();
      await server.close();
      await app.close();
      await sim.stop();
    },
  };
}
