import { vmmanagerControls } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, NotFoundError, ResponseFormatError } from '../src/index.js';
import { setup } from './support.js';

const t = setup();

describe('error mapping', () => {
  it('404 {"error":{code,msg,value}} is a NotFoundError carrying code, message and value', async () => {
    const vm = t.client();
    const error = await vm.preset.get({ preset_id: 999 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 2004,
      vendorMessage: 'preset not found',
      data: { id: '999' },
      vendor: 'vmmanager',
      endpoint: 'preset.get',
    });
    expect((error as Error).message).toBe('vmmanager preset.get failed (HTTP 404 [2004]): preset not found.');
  });

  it('a vendor conflict is an ApiError with the field the vendor named', async () => {
    const vm = t.client();
    const error = await vm.host
      .create({ name: 'web-1', cluster: 1, account: 2, os: 1, preset: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      status: 400,
      code: 4009,
      vendorMessage: 'Host name already in use',
      data: { field: 'name' },
    });
  });

  it('an error object in a 200 answer is still an error', async () => {
    const vm = t.client();
    t.sim.faults.add(
      { kind: 'status', status: 200, body: { error: { code: 77, msg: 'Quota exceeded', value: 3 } } },
      { match: { path: '/vm/v3/preset' } },
    );
    await expect(vm.preset.list()).rejects.toMatchObject({ kind: 'api', code: 77, data: { value: 3 } });
  });

  it('a body that is not JSON is a ResponseFormatError with a short excerpt', async () => {
    const vm = t.client();
    await vm.os.list();
    t.sim.faults.add({ kind: 'malformed', body: '<html>login</html>' });
    const error = await vm.os.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ status: 200, excerpt: '<html>login</html>' });
  });

  it('an answer of the wrong shape is a ResponseFormatError naming the field', async () => {
    const vm = t.client();
    await vm.os.list();
    t.sim.faults.add({ kind: 'status', status: 200, body: { list: [{ name: 'no id' }] } });
    const error = await vm.os.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as Error).message).toMatch(/list\[0\]\.id/);
  });

  it('tolerates numbers sent as strings, nulls and unknown fields', async () => {
    const vm = t.client();
    await vm.os.list();
    t.sim.faults.add({
      kind: 'status',
      status: 200,
      body: {
        list: [{ id: '7', name: 'X', min_ram_mib: '512', adminonly: null, brand_new: { a: 1 } }],
        size: '1',
      },
    });
    const result = await vm.os.list();
    expect(result.size).toBe(1);
    expect(result.list[0]).toMatchObject({ id: 7, min_ram_mib: 512, brand_new: { a: 1 } });
  });

  it('a token refused twice is an AuthError after exactly one re-login', async () => {
    const vm = t.client();
    await vm.os.list();
    const refused = {
      kind: 'status' as const,
      status: 401,
      body: { error: { code: 1000, msg: 'Invalid token' } },
    };
    t.sim.faults.add(refused, { times: 2, match: { path: '/vm/v3/os' } });
    const error = await vm.os.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(vmmanagerControls.logins(t.sim)).toBe(2);
    expect(t.sim.log.filter((entry) => entry.path === '/vm/v3/os')).toHaveLength(3);
  });

  it('concurrent calls that find the token expired share one re-login', async () => {
    const vm = t.client();
    await vm.os.list();
    vmmanagerControls.expireTokens(t.sim);
    await Promise.all([vm.os.list(), vm.host.list(), vm.node.list(), vm.cluster.list()]);
    expect(vmmanagerControls.logins(t.sim)).toBe(2);
  });
});
