import type { SimRequest } from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadOf, startTrustServer } from './support.js';

const REDACTED = '[REDACTED]';

let server: Awaited<ReturnType<typeof startTrustServer>>;

/** Every credential a simulator received: the test looks for each of them in every surface afterwards. */
const seen = new Set<string>();

/**
 * Makes a simulator behave like a vendor that quotes the caller's credential back in ordinary data: before
 * the handler runs, `plant` copies what the request carried into the state the answer is built from. The
 * fault queue's match predicate is the hook; it never matches, so the normal answer is sent.
 */
function echo(sim: { faults: { add: (...args: never[]) => void } }, plant: (req: SimRequest) => void) {
  (sim.faults.add as (fault: unknown, options: unknown) => void)(
    { kind: 'delay', ms: 0 },
    {
      times: Number.POSITIVE_INFINITY,
      match: (req: SimRequest) => {
        plant(req);
        return false;
      },
    },
  );
}

function remember(...values: Array<string | undefined | null>) {
  for (const value of values) if (value && value.length >= 8) seen.add(value);
}

beforeAll(async () => {
  server = await startTrustServer({ env: { X_LOG: 'debug' } });
  const { tuxcare, lunanode, ispmanager, vmmanager } = server.sims;
  echo(tuxcare, (req) => {
    const token = req.query.get('token') ?? '';
    const digest = token.split('|')[2];
    remember(token, digest);
    for (const row of tuxcare.state.elsKeys) row.description = `${token} / ${digest}`;
  });
  echo(lunanode, (req) => {
    const form = req.form();
    const signature = form.get('signature');
    const inner = JSON.parse(form.get('req') ?? '{}') as Record<string, string>;
    remember(signature, inner.api_partialkey);
    for (const vm of lunanode.state.vms) vm.name = `${signature} ${inner.api_partialkey}`;
  });
  echo(ispmanager, (req) => {
    const session = req.form().get('auth');
    remember(session);
    if (session) for (const user of ispmanager.state.user) user.fullname = `session ${session}`;
  });
  echo(vmmanager, (req) => {
    const token = req.headers['x-xsrf-token'];
    if (typeof token !== 'string') return;
    remember(token);
    for (const host of vmmanager.state.hosts) host.comment = `token ${token}`;
  });
});

afterAll(async () => {
  await server.close();
});

describe('credentials the calls made or received never come back', () => {
  it('TuxCare: the whole token and its digest alone are masked in answers', async () => {
    const result = await server.call('tuxcare_els_key_list', { code: 'CELS' });
    expect(result.isError, JSON.stringify(result).slice(0, 600)).toBeFalsy();
    const text = JSON.stringify(result);
    expect(text).toContain(`${REDACTED} / ${REDACTED}`);
    // The license keys themselves are still there.
    for (const row of server.sims.tuxcare.state.elsKeys.filter((key) => key.productCode === 'CELS')) {
      expect(text).toContain(row.key);
    }
  });

  it('LunaNode: the signature and the partial key are masked in answers', async () => {
    const result = await server.call('lunanode_vm_list', {});
    expect(result.isError, JSON.stringify(result).slice(0, 600)).toBeFalsy();
    expect(JSON.stringify(result)).toContain(`${REDACTED} ${REDACTED}`);
  });

  it('ISPmanager: the session id is masked in answers', async () => {
    await server.call('ispmanager_user_list', {}); // logs in; the first answer may predate the echo
    const result = await server.call('ispmanager_user_list', {});
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result)).toContain(`session ${REDACTED}`);
  });

  it('VMmanager: the session token is masked in answers', async () => {
    const result = await server.call('vmmanager_host_list', {});
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result)).toContain(`token ${REDACTED}`);
  });

  it('a vendor error quoting the TuxCare digest masks it', async () => {
    const tuxcare = server.sims.tuxcare;
    // The refusal quotes the digest of the token this very request carried (its body is set on arrival).
    const refusal = { kind: 'status' as const, status: 403, body: {} as Record<string, unknown> };
    tuxcare.faults.add(refusal, {
      match: (req) => {
        const digest = (req.query.get('token') ?? '').split('|')[2] ?? '';
        remember(digest);
        refusal.body = { success: false, message: `bad hash ${digest}` };
        return true;
      },
    });
    const result = await server.call('tuxcare_els_key_list', { code: 'CELS' });
    expect(result.isError, JSON.stringify(result).slice(0, 400)).toBe(true);
    expect(JSON.stringify(result)).toContain(`bad hash ${REDACTED}`);
  });

  it('no result and no debug log line holds any of them, and the surfaces were not empty', () => {
    expect(seen.size).toBeGreaterThanOrEqual(6);
    const surfaces = [...server.results, server.stderr.join('')];
    for (const value of seen) {
      for (const surface of surfaces)
        expect(surface.includes(value), `leaked ${value.slice(0, 12)}…`).toBe(false);
    }
    expect(server.stderr.join('')).toContain('→ ');
  });
});

describe('tools that mint credentials', () => {
  it('vmmanager_auth_token_create asks first, then shows the token with a note', async () => {
    const first = payloadOf(
      await server.call('vmmanager_auth_token_create', { expires_at: '2030-01-31 00:00:00' }),
    );
    expect(first.status).toBe('confirmation_required');
    expect(server.sims.vmmanager.state.tokens.filter((token) => token.expiresAt !== undefined)).toHaveLength(
      0,
    );
    const done = payloadOf(
      await server.call('vmmanager_auth_token_create', {
        expires_at: '2030-01-31 00:00:00',
        confirmation_token: first.confirmation_token,
      }),
    );
    const token = (done.result as { token?: string }).token;
    const minted = server.sims.vmmanager.state.tokens.find((row) => row.expiresAt !== undefined);
    expect(token).toBe(minted?.token);
    expect((done.credential as { fields: string[] }).fields).toEqual(['token']);
  });

  it('ispmanager_session_newkey and vmmanager_auth_key_create need confirmation too', async () => {
    for (const [name, args] of [
      ['ispmanager_session_newkey', { username: server.sims.ispmanager.state.user[0]?.name }],
      ['vmmanager_auth_key_create', { user: '1' }],
    ] as const) {
      const first = payloadOf(await server.call(name, args as Record<string, unknown>));
      expect(first.status, name).toBe('confirmation_required');
    }
  });
});
