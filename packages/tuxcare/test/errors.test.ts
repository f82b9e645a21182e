import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, isXError, NotFoundError, ResponseFormatError } from '../src/index.js';
import { useSimulator } from './support.js';

const json = (body: unknown) => ({
  kind: 'status' as const,
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('answers and errors', () => {
  const ctx = useSimulator();

  it('success:false is an ApiError carrying the vendor message', async () => {
    const error = await ctx.client.els.key.update({ key: 'CELS-nope', limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      vendorMessage: 'Key not found',
      endpoint: 'els.key.update',
      vendor: 'tuxcare',
    });
    const refused = await ctx.client.ab.im
      .create({ server_id: 'unknown', size: 10, datacenter: 'EU2' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    ctx.sim.faults.add(
      json({ success: false, message: 'Unexpected server error', type: 'INTERNAL', data: null }),
    );
    const internal = await ctx.client.ipl.list().catch((e: unknown) => e);
    expect(internal).toBeInstanceOf(ApiError);
    expect(internal).not.toBeInstanceOf(AuthError);
    expect(internal).toMatchObject({
      kind: 'api',
      vendorMessage: 'Unexpected server error',
      code: 'INTERNAL',
    });
  });

  it('the simulator refuses invalid input it receives with success:false (client-side checks bypassed)', async () => {
    // invoke() validates too, so talk to the simulator through a raw fetch to prove its own check.
    const { tuxcareToken } = await import('@x/auth-core');
    const token = tuxcareToken({
      login: 'demo-reseller',
      secretKey: 'demo-secret-key-0123456789',
      nowMs: Date.now(),
    });
    const res = await fetch(
      `${ctx.sim.url}/api/ipl/check.json?ip=1.1.1.1.1&token=${encodeURIComponent(token)}`,
    );
    expect(await res.json()).toEqual({
      success: false,
      message: 'Invalid IP address',
      type: null,
      data: null,
    });
  });

  it('success:true with data null and a message reaches the caller as a typed error on data endpoints', async () => {
    ctx.sim.faults.add(json({ success: true, message: 'Server not found', type: null, data: null }));
    const error = await ctx.client.kcare.key.servers({ key: 'WsTs821nSAtiastD' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ vendorMessage: 'Server not found' });
  });

  it('an HTML error page is a typed refusal, an unparseable 200 a ResponseFormatError, both redacted', async () => {
    ctx.sim.faults.add(
      {
        kind: 'status',
        status: 502,
        body: '<html>Bad gateway</html>',
        headers: { 'content-type': 'text/html' },
      },
      { times: 3 },
    );
    const gateway = await ctx.client.ipl.list().catch((e: unknown) => e);
    expect(gateway).toBeInstanceOf(ApiError);
    expect(gateway).toMatchObject({ status: 502, retryable: true });
    ctx.sim.faults.add({ kind: 'malformed', body: '<html>login</html>' });
    const format = await ctx.client.ipl.list().catch((e: unknown) => e);
    expect(format).toBeInstanceOf(ResponseFormatError);
    expect((format as ResponseFormatError).excerpt).toContain('login');
  });

  it('a base URL without /api hits the vendor 404 page and says so', async () => {
    const client = ctx.make({ baseUrl: ctx.sim.url });
    const error = await client.ipl.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(lastRequestPath()).toBe('/ipl/list.json');
  });

  it('a .plain success:false is an ApiError with its message', async () => {
    ctx.sim.faults.add({
      kind: 'status',
      status: 200,
      body: 'success:false\nmessage:Unexpected server error\n',
    });
    await expect(ctx.client.status({ format: 'plain' })).rejects.toMatchObject({
      kind: 'api',
      vendorMessage: 'Unexpected server error',
    });
  });

  it('register_key code 1 is a refusal naming the rule', async () => {
    ctx.sim.faults.add({ kind: 'status', status: 200, body: 'success: true code:1' });
    await expect(ctx.client.kcare.nagios.register_key({ key: 'abcdefghABCDEFGH12' })).rejects.toMatchObject({
      code: 1,
      vendorMessage: 'wrong key size or format',
    });
  });

  it('every thrown error is an XError', async () => {
    const error = await ctx.client.im.srv.list({ key: 'NOPE' }).catch((e: unknown) => e);
    expect(isXError(error)).toBe(true);
  });

  function lastRequestPath() {
    return ctx.sim.log[ctx.sim.log.length - 1]?.path;
  }
});
