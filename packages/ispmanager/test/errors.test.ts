import { ApiError, AuthError, InputError, NotFoundError } from '@x/auth-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPanelError, PanelError } from '../src/index.js';
import { clientFor, startPanel } from './support.js';

describe.each(['xml', 'json'] as const)('panel errors over out=%s (HTTP 200, typed)', (format) => {
  let sim: Awaited<ReturnType<typeof startPanel>>;
  let client: ReturnType<typeof clientFor>;
  beforeAll(async () => {
    sim = await startPanel();
    client = clientFor(sim, { format });
  });
  afterAll(async () => {
    await client.close();
    await sim.stop();
  });

  it('creating an existing user is a PanelError of type exists', async () => {
    const error = await client.user
      .edit({ mode: 'create', name: 'alice', passwd: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PanelError);
    expect(error).toBeInstanceOf(ApiError);
    expect(isPanelError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(NotFoundError);
    const panel = error as PanelError;
    expect(panel.isExists()).toBe(true);
    expect(panel.isMissed()).toBe(false);
    expect(panel).toMatchObject({
      kind: 'api',
      status: 200,
      code: 'exists',
      panelType: 'exists',
      object: 'user',
      value: 'alice',
      params: { object: 'user', value: 'alice' },
      vendor: 'ispmanager',
      endpoint: 'user.edit',
    });
    expect(panel.panelMessage).toBe("The user 'alice' already exists");
    expect(panel.message).toContain('user.edit (func user.edit) failed with exists(user)');
    expect(panel.hint).toMatch(/mode "edit"/);
  });

  it('deleting a missing object is a missed PanelError of kind not-found', async () => {
    const error = (await client.user
      .delete({ elid: ['www-root', 'ghost'] })
      .catch((e: unknown) => e)) as PanelError;
    expect(error.isMissed()).toBe(true);
    expect(error).toMatchObject({ kind: 'not-found', object: 'user', value: 'ghost' });
    // One `catch (e instanceof NotFoundError)` works for every vendor.
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(PanelError);
    expect(error.remedy).toEqual({ endpoint: 'user.list', action: 'look-up' });
    expect(error.message).not.toMatch(/ispmanager_/);
    expect(sim.state.user.some((u) => u.name === 'www-root')).toBe(true);
  });

  it('a refused value is a value PanelError naming the field', async () => {
    const error = (await client.domain.record
      .edit({ mode: 'create', plid: 'example.com', name: 'x..', rtype: 'a', ip: '192.0.2.1' })
      .catch((e: unknown) => e)) as PanelError;
    expect(error.isValue()).toBe(true);
    expect(error).toMatchObject({ object: 'name', value: 'x..' });
  });

  it('the generic call of a group action without sok answers confirm on a panel set up to confirm', async () => {
    const confirming = await startPanel({ confirmActions: true });
    const generic = clientFor(confirming);
    const answer = await generic.call({ func: 'user.suspend', params: { elid: 'alice' } });
    expect(answer).toEqual({ kind: 'confirm', fields: { elid: 'alice' } });
    expect(confirming.state.user.find((u) => u.name === 'alice')?.active).toBe('on');
    await generic.close();
    await confirming.stop();
  });

  it('an unknown function is a missed PanelError', async () => {
    const error = (await client.call({ func: 'no.such.func' }).catch((e: unknown) => e)) as PanelError;
    expect(error).toMatchObject({ panelType: 'missed', object: 'func', value: 'no.such.func' });
  });
});

describe('errors the client raises itself', () => {
  let sim: Awaited<ReturnType<typeof startPanel>>;
  beforeAll(async () => {
    sim = await startPanel();
  });
  afterAll(() => sim.stop());

  it('a confirm answer to a typed mutation is a PanelError that says so', async () => {
    const client = clientFor(sim);
    sim.faults.add({
      kind: 'malformed',
      body: '<doc func="confirm"><elid>alice</elid></doc>',
      contentType: 'text/xml',
    });
    const error = (await client.user.suspend({ elid: 'alice' }).catch((e: unknown) => e)) as PanelError;
    expect(error.isConfirm()).toBe(true);
    await client.close();
  });

  it('bad input is an InputError naming the field, and nothing is sent', async () => {
    const client = clientFor(sim);
    const before = sim.log.length;
    const cases: [string, unknown, string][] = [
      ['user.edit', { mode: 'edit', fullname: 'x' }, 'elid'],
      ['user.edit', { mode: 'create', name: 'bob' }, 'passwd'],
      ['user.edit', { mode: 'create', elid: 'bob', name: 'bob', passwd: 'x' }, 'elid'],
      ['user.edit', { mode: 'create', name: 'bob', passwd: 'x', bogus: 1 }, 'bogus'],
      ['user.delete', { elid: 'a, b' }, 'elid'],
      ['domain.record.edit', { mode: 'create', plid: 'example.com', name: 'www', rtype: 'a' }, 'ip'],
      [
        'domain.record.edit',
        { mode: 'create', plid: 'example.com', name: 'www', rtype: 'a', ip: '2001:db8::1' },
        'ip',
      ],
      [
        'domain.record.edit',
        { mode: 'create', plid: 'example.com', name: 'm', rtype: 'mx', domain: 'mx.example.com.' },
        'priority',
      ],
      ['domain.edit', { mode: 'create', name: 'bad..name', ip: '192.0.2.1' }, 'name'],
      ['sslcert.selfsigned', { domain: 'a.example.com', username: 'bob', keylen: 1024 }, 'keylen'],
      ['session.newkey', { username: 'bob', key: 'short' }, 'key'],
      ['call', { func: 'user', params: { authinfo: 'x:y' } }, 'params'],
      ['call', { func: 'auth' }, 'func'],
      ['scheduler.edit', { mode: 'create', command: 'ls', schedule_type: 'type_basic' }, 'run_every'],
    ];
    for (const [id, input, field] of cases) {
      const error = await client.invoke(id, input).catch((e: unknown) => e);
      expect(error, `${id} ${JSON.stringify(input)}`).toBeInstanceOf(InputError);
      expect((error as InputError).issues.map((issue) => issue.path).join(' ')).toContain(field);
    }
    expect(sim.log.length).toBe(before);
    await client.close();
  });

  it('auth errors are AuthError, not PanelError', async () => {
    const client = clientFor(sim, { password: 'bad' });
    const error = await client.whoami().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).not.toBeInstanceOf(PanelError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    await client.close();
  });
});
