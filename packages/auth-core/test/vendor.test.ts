import { createEchoSimulator, type Simulator } from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type Codec,
  clientFacade,
  createVendorClient,
  endpoint,
  formBody,
  InputError,
  REDACTED,
  refusalError,
  walkCatalog,
} from '../src/index.js';
import { toolName, toolsetName } from '../src/projection.js';

interface Route {
  path: string;
}

const catalog = {
  thing: {
    list: endpoint({
      summary: 'List things.',
      route: { path: '/thing/list' },
      input: z.strictObject({ tag: z.string().optional() }),
      output: z.object({ method: z.string(), path: z.string(), query: z.record(z.string(), z.string()) }),
      effect: 'read',
    }),
    'floatingip-add': endpoint({
      summary: 'Attach.',
      route: { path: '/status/403' },
      input: z.strictObject({ id: z.string() }),
      output: z.unknown(),
      effect: 'action',
    }),
  },
};

describe('createVendorClient', () => {
  let echo: Simulator<undefined>;
  const secret = 'vendor-secret-123';
  const codec: Codec<Route> = {
    build: (call, { dryRun }) => ({
      method: 'POST',
      url: `${echo.url}${call.endpoint.route.path}?tag=${(call.input as { tag?: string }).tag ?? ''}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({
        api_key: secret,
        session: dryRun ? '(session)' : 'live-session-1',
        ...(call.input as object),
      }),
      secrets: ['live-session-1'],
    }),
    decode: (response, call) => {
      if (response.status >= 400)
        throw refusalError('demo', call.id, response, { message: `denied ${secret}` });
      return JSON.parse(response.text());
    },
  };
  const make = () =>
    createVendorClient({
      vendor: 'demo',
      product: { name: '@x/demo', version: '1.0.0' },
      catalog,
      codec,
      secrets: [secret],
    });

  beforeAll(async () => {
    echo = createEchoSimulator();
    await echo.start();
  });
  afterAll(() => echo.stop());

  it('exposes typed methods and a generic call that agree', async () => {
    const client = make();
    const typed = await client.api.thing.list({ tag: 'a' });
    const generic = await client.invoke('thing.list', { tag: 'a' });
    expect(typed).toEqual(generic);
    expect(typed.path).toBe('/thing/list');
    await client.close();
  });

  it('clientFacade puts the typed methods at the top with the generic entry points', async () => {
    const facade = clientFacade(make());
    expect(await facade.thing.list()).toMatchObject({ path: '/thing/list' });
    expect(await facade.invoke('thing.list', {})).toMatchObject({ path: '/thing/list' });
    expect(Object.isFrozen(facade)).toBe(true);
    await facade[Symbol.asyncDispose]();
  });

  it('generic call validates input and rejects unknown endpoints', async () => {
    const client = make();
    await expect(client.invoke('thing.list', { nope: 1 })).rejects.toBeInstanceOf(InputError);
    await expect(client.invoke('thing.nothing', {})).rejects.toThrow(/no endpoint "thing.nothing"/);
    await client.close();
  });

  it('preview builds the exact request without sending it, secrets redacted', async () => {
    const client = make();
    const before = echo.log.length;
    const preview = await client.preview('thing.list', { tag: 'x' });
    expect(echo.log.length).toBe(before);
    expect(preview.method).toBe('POST');
    expect(preview.url).toMatch(/\/thing\/list\?tag=x$/);
    expect(preview.body).toBe(`api_key=${REDACTED}&session=${REDACTED}&tag=x`);
    expect(JSON.stringify(preview)).not.toContain(secret);
    await client.close();
  });

  it('vendor refusals carry the typed error, redacted', async () => {
    const client = make();
    const error = await client.invoke('thing.floatingip-add', { id: '1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'auth',
      status: 403,
      vendor: 'demo',
      endpoint: 'thing.floatingip-add',
    });
    expect(String((error as Error).message)).not.toContain(secret);
    await client.close();
  });

  it('derives tool names and toolsets from catalog paths', () => {
    const names = walkCatalog(catalog).map((entry) => [toolName('demo', entry), toolsetName('demo', entry)]);
    expect(names).toEqual([
      ['demo_thing_list', 'demo.thing'],
      ['demo_thing_floatingip_add', 'demo.thing'],
    ]);
  });
});
