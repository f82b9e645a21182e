import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  type Fault,
  type IspManagerState,
  type Simulator,
  unusedPort,
  type VmManagerState,
} from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, canarySettings, leaksIn, REDACTED, VENDORS, type VendorCase } from './support.js';

const cli = fileURLToPath(new URL('../../../../apps/mcp-server/dist/cli.js', import.meta.url));

/** Environment variables that hold the canaries; the config file names them (`env:NAME`), never the values. */
const SECRET_ENV: Record<VendorCase['id'], Record<string, string>> = {
  tuxcare: { TUXCARE_LOGIN: CANARY.tuxcareLogin, TUXCARE_SECRET_KEY: CANARY.tuxcareSecret },
  lunanode: { LUNANODE_API_ID: CANARY.lunanodeId, LUNANODE_API_KEY: CANARY.lunanodeKey },
  ispmanager: { ISPMANAGER_PASSWORD: CANARY.ispPassword },
  vmmanager: { VMMANAGER_PASSWORD: CANARY.vmPassword, CANARY_VM_TOKEN: CANARY.vmToken },
};

/** The one secret of each vendor the server and its client both know (for echo pages). */
const KNOWN: Record<VendorCase['id'], string> = {
  tuxcare: CANARY.tuxcareSecret,
  lunanode: CANARY.lunanodeKey,
  ispmanager: CANARY.ispPassword,
  vmmanager: CANARY.vmPassword,
};

const MAX_RESULT_CHARS = 3_000;

/** Settings of accounts whose canary credentials break a rule (values through env:NAME, as above). */
const MALFORMED: Partial<Record<VendorCase['id'], Record<string, string>>> = {
  tuxcare: { TUXCARE_LOGIN: 'env:CANARY_BAD_LOGIN' },
  lunanode: { LUNANODE_API_KEY: 'env:CANARY_SHORT_KEY' },
};

interface Sims {
  ok: Simulator<unknown>;
  faulty: Simulator<unknown>;
  rejecting: Simulator<unknown>;
}

const sims = new Map<VendorCase['id'], Sims>();
const results: Array<{ label: string; text: string; isError: boolean }> = [];
const stderr: string[] = [];
let stderrDone: Promise<void> = Promise.resolve();
let client: Client;
let dir: string;

/** Settings of one account, with every secret replaced by a reference to its environment variable. */
function referenced(id: VendorCase['id'], url: string, token = false): Record<string, string> {
  const settings: Record<string, string> = canarySettings(id, url);
  for (const name of Object.keys(SECRET_ENV[id])) if (name in settings) settings[name] = `env:${name}`;
  if (id === 'vmmanager' && token) {
    delete settings.VMMANAGER_EMAIL;
    delete settings.VMMANAGER_PASSWORD;
    settings.VMMANAGER_TOKEN = 'env:CANARY_VM_TOKEN';
  }
  return settings;
}

async function call(label: string, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  try {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    results.push({ label, text: JSON.stringify(result), isError: result.isError === true });
    return result;
  } catch (error) {
    // A protocol error (unknown tool): its message is a surface too.
    const text = JSON.stringify({ protocolError: String(error), data: (error as { data?: unknown }).data });
    results.push({ label, text, isError: true });
    return { isError: true, content: [{ type: 'text', text }] };
  }
}

/** Calls a tool; when the server asks for confirmation (a destructive tool), confirms with the token it gave. */
async function confirmed(
  label: string,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  const first = await call(`${label} (preview)`, name, args);
  const token = payload(first).confirmation_token;
  return token === undefined ? first : call(label, name, { ...args, confirmation_token: token });
}

function payload(result: CallToolResult): Record<string, unknown> {
  return (result.structuredContent ?? {}) as Record<string, unknown>;
}

function tool(vendor: VendorCase, id: string): string {
  return `${vendor.id}_${id.replaceAll('.', '_')}`;
}

beforeAll(async () => {
  const down = `http://127.0.0.1:${await unusedPort()}`;
  const accounts: Record<string, Record<string, Record<string, string>>> = {};
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    X_LOG: 'debug',
    CANARY_BAD_LOGIN: `${CANARY.tuxcareLogin}|${CANARY.tuxcareSecret}`,
    CANARY_SHORT_KEY: CANARY.lunanodeKey.slice(1),
  };
  for (const vendor of VENDORS) {
    const set = {
      ok: await vendor.accepting(),
      faulty: await vendor.accepting(),
      rejecting: await vendor.rejecting(),
    };
    sims.set(vendor.id, set);
    Object.assign(env, SECRET_ENV[vendor.id]);
    // The `default` account comes from the environment, the others from the config file.
    for (const [name, value] of Object.entries(canarySettings(vendor.id, set.ok.url))) env[name] ??= value;
    accounts[vendor.id] = {
      faulty: referenced(vendor.id, set.faulty.url),
      rejecting: referenced(vendor.id, set.rejecting.url),
      down: referenced(vendor.id, down),
      ...(vendor.id === 'vmmanager' ? { token: referenced(vendor.id, set.ok.url, true) } : {}),
      // Credentials the client refuses to use (a ConfigError on the first call, naming the rule, not the value).
      ...(MALFORMED[vendor.id]
        ? { malformed: { ...referenced(vendor.id, set.ok.url), ...MALFORMED[vendor.id] } }
        : {}),
    };
  }
  dir = mkdtempSync(join(tmpdir(), 'x-secrets-'));
  const config = join(dir, 'accounts.json');
  writeFileSync(config, JSON.stringify({ accounts }));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli, '--config', config, '--max-result-chars', String(MAX_RESULT_CHARS)],
    env,
    stderr: 'pipe',
  });
  const stream = transport.stderr;
  stderrDone = new Promise((resolve) => {
    stream?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    stream?.on('close', () => resolve());
  });
  client = new Client({ name: 'secrets-evidence', version: '0.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  await stderrDone;
  await Promise.all([...sims.values()].flatMap((set) => Object.values(set).map((sim) => sim.stop())));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the MCP server over stdio with canary credentials for every vendor', () => {
  it.each(VENDORS)(
    '$id: successes, dry runs, confirmations and every failure are free of canaries',
    async (vendor) => {
      const set = sims.get(vendor.id) as Sims;
      const read = tool(vendor, vendor.read.id);
      const write = tool(vendor, vendor.write.id);
      const destroy = tool(vendor, vendor.destroy.id);

      // Successes, on the environment's account.
      expect((await call('read', read, { account: 'default', ...vendor.read.input })).isError).toBeFalsy();

      // A dry run and a confirmation preview show where the credential goes, redacted.
      const dry = payload(
        await call('dry run', write, { account: 'default', dry_run: true, ...vendor.write.input }),
      );
      expect(dry.dry_run).toBe(true);
      expect(JSON.stringify(dry.request)).toContain(REDACTED);
      const preview = payload(
        await call('confirmation', destroy, { account: 'default', ...vendor.destroy.input }),
      );
      expect(preview.status).toBe('confirmation_required');
      expect(JSON.stringify(preview.request)).toContain(REDACTED);
      await call('confirmed', destroy, {
        account: 'default',
        ...vendor.destroy.input,
        confirmation_token: preview.confirmation_token,
      });

      // Refused credentials and a server that is not there.
      const refused = await call('refused', read, { account: 'rejecting', ...vendor.read.input });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused)).toMatch(/"kind":"auth"/);
      expect(
        (await confirmed('refused write', write, { account: 'rejecting', ...vendor.write.input })).isError,
      ).toBe(true);
      const down = await call('down', read, { account: 'down', ...vendor.read.input });
      expect(JSON.stringify(down)).toMatch(/"kind":"transport"/);

      // Faults of a server that accepts the canaries: echoed secrets, HTML, redirects, broken bodies.
      const secret = KNOWN[vendor.id];
      const page = `<html><body><p>${'x'.repeat(280)}${secret} ${'x'.repeat(180)}${secret} password=${encodeURIComponent(secret)} ${Buffer.from(secret).toString('base64')}</p></body></html>`;
      const faults: Array<[string, Fault, 'read' | 'write']> = [
        [
          '5xx echo',
          { kind: 'status', status: 500, headers: { 'content-type': 'text/html' }, body: page },
          'read',
        ],
        ['html page', { kind: 'malformed', body: page }, 'read'],
        [
          'redirect',
          {
            kind: 'redirect',
            location: `http://attacker.invalid/${encodeURIComponent(secret)}?password=${encodeURIComponent(secret)}`,
          },
          'read',
        ],
        ['truncated', { kind: 'truncate' }, 'read'],
        ['reset', { kind: 'reset' }, 'write'],
        ['oversized', { kind: 'oversized', bytes: 11 * 1024 * 1024 }, 'read'],
      ];
      for (const [label, fault, which] of faults) {
        // VMmanager's faults hit the call, not the password login before it.
        const match = vendor.id === 'vmmanager' ? { path: /^\/vm\// } : undefined;
        set.faulty.faults.add(fault, { times: Number.POSITIVE_INFINITY, ...(match ? { match } : {}) });
        const input = which === 'read' ? vendor.read.input : vendor.write.input;
        const result = await confirmed(label, which === 'read' ? read : write, {
          account: 'faulty',
          ...input,
        });
        set.faulty.faults.clear();
        expect(result.isError, `${label}: ${JSON.stringify(result)}`).toBe(true);
      }

      // Bad arguments that carry a secret, a dry run of a read, an unknown tool.
      const bad = await call('bad argument', destroy, { account: 'default', ...badArgument(vendor) });
      expect(bad.isError).toBe(true);
      expect((await call('dry read', read, { account: 'default', dry_run: true })).isError).toBe(true);
      await call('unknown tool', `${vendor.id}_no_such_tool_${secret.length}`, { key: secret });
      if (MALFORMED[vendor.id]) {
        const malformed = await call('malformed', read, { account: 'malformed', ...vendor.read.input });
        expect(JSON.stringify(malformed)).toMatch(/"kind":"config"/);
      }
    },
  );

  it('a vendor that echoes a configured secret in its data gets it redacted, also when the result is cut', async () => {
    const isp = sims.get('ispmanager')?.ok as Simulator<IspManagerState>;
    const users = isp.state.user as Array<Record<string, unknown>>;
    for (const user of users) user.fullname = `${CANARY.ispPassword} (set by the panel)`;
    const listed = await call('isp echo', 'ispmanager_user_list', { account: 'default' });
    expect(listed.isError).toBeFalsy();
    expect(JSON.stringify(listed)).toContain(REDACTED);

    // One big value: the server cuts its JSON to fit the result cap; no cut may keep a secret's head.
    const vm = sims.get('vmmanager')?.ok as Simulator<VmManagerState>;
    const host = vm.state.hosts.find((h) => h.id === 2) ?? vm.state.hosts[1];
    if (!host) throw new Error('the VMmanager simulator has no second host');
    for (let pad = 0; pad < CANARY.vmPassword.length; pad += 4) {
      host.comment = `${'y'.repeat(pad)}${`${CANARY.vmPassword} `.repeat(400)}`;
      const got = await call(`cut ${pad}`, 'vmmanager_host_get', { account: 'default', host_id: host.id });
      expect(got.isError, JSON.stringify(got).slice(0, 300)).toBeFalsy();
      expect(JSON.stringify(got)).toContain('_truncated');
    }
  });

  it('no result and no stderr line holds a canary, and the surfaces were not empty', async () => {
    await client.close();
    await stderrDone;
    const leaked = results
      .map((result) => ({
        label: result.label,
        leaks: leaksIn(result.text),
        text: result.text.slice(0, 400),
      }))
      .filter((entry) => entry.leaks.length > 0);
    expect(leaked).toEqual([]);
    const log = stderr.join('');
    expect(leaksIn(log), log.slice(0, 2000)).toEqual([]);

    // Not vacuous: the debug log shows requests with their credentials redacted, every vendor was live with
    // all its accounts, and both successes and failures were seen.
    expect(log).toMatch(/live vendors: tuxcare \(default, faulty, rejecting, down, malformed\)/);
    expect(log).toContain('→ POST');
    expect(log).toContain(`authinfo=${REDACTED}`);
    expect(log).toContain(REDACTED);
    expect(results.filter((result) => result.isError).length).toBeGreaterThan(40);
    expect(results.filter((result) => !result.isError).length).toBeGreaterThan(15);
    // Redaction goes by value, not by field name, so vendor data the user asked for comes back unmasked.
    expect(results.filter((result) => result.text.includes(REDACTED)).length).toBeGreaterThan(10);
  });
});

/** Arguments that break the tool's schema and carry the vendor's secret (the error may quote them). */
function badArgument(vendor: VendorCase): Record<string, unknown> {
  switch (vendor.id) {
    case 'tuxcare':
      return { key: CANARY.tuxcareSecret };
    case 'lunanode':
      return { vm_id: CANARY.lunanodeKey };
    case 'ispmanager':
      return { elid: `${CANARY.ispPassword},x` };
    case 'vmmanager':
      return { host_id: CANARY.vmPassword };
  }
}
