// Weak or mistyped configuration stops startup with an error naming the flag or variable
// and the rule; --list-tools prints what this configuration would serve.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lunanodeSandbox } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { startHttp } from '../src/http.js';
import { parseOptions, UsageError } from '../src/options.js';
import { CANARY_KEY, demoModule } from './support.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const TOKEN = 'a'.repeat(32);

/** Runs the built bin to completion (stdin closed at once, so a server that starts also stops). */
function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    input: '',
    timeout: 30_000,
  });
}

/** The rows of a --list-tools table: name, toolset, effect, tokens. */
function listed(stdout: string) {
  const rows = stdout.slice(0, stdout.indexOf('\n\n')).split('\n').slice(1);
  return rows.map((row) => {
    const [name, toolset, effect, tokens] = row.trim().split(/\s+/);
    return { name, toolset, effect, tokens: Number(tokens) };
  });
}

describe('boolean variables', () => {
  it('take true/false, 1/0, yes/no, on/off in any case', () => {
    for (const [value, expected] of [
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['Yes', true],
      ['on', true],
      ['false', false],
      ['0', false],
      ['NO', false],
      ['Off', false],
      ['', false],
    ] as const) {
      expect(parseOptions([], { X_MCP_READ_ONLY: value }).readOnly, value).toBe(expected);
      expect(parseOptions([], { X_MCP_SANDBOX: value }).sandbox, value).toBe(expected);
    }
  });

  it('refuse anything else, naming the variable and the accepted words', () => {
    for (const value of ['y', 'n', 'enabled', '2', 'truee']) {
      expect(() => parseOptions([], { X_MCP_READ_ONLY: value }), value).toThrow(UsageError);
      expect(() => parseOptions([], { X_MCP_READ_ONLY: value }), value).toThrow(
        /X_MCP_READ_ONLY must be true\/false, 1\/0, yes\/no or on\/off/,
      );
    }
    expect(() => parseOptions([], { X_MCP_SANDBOX: 'sure' })).toThrow(/X_MCP_SANDBOX/);
  });

  it('the bin stops with status 2 on X_MCP_READ_ONLY=y instead of serving writable tools', () => {
    const result = run(['--sandbox'], { X_MCP_READ_ONLY: 'y' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('X_MCP_READ_ONLY must be');
  });
});

describe('bearer tokens', () => {
  it('need 32 characters without whitespace; the error says how to generate one and never echoes it', () => {
    for (const token of [
      'x',
      'short-token-1234',
      'a'.repeat(31),
      ' '.repeat(40),
      `${'a'.repeat(20)} ${'b'.repeat(20)}`,
    ]) {
      let message = '';
      try {
        parseOptions(['--auth-token', token], {});
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        message = (error as Error).message;
      }
      expect(message, JSON.stringify(token)).toMatch(/--auth-token must be at least 32 characters/);
      expect(message).toContain('openssl rand -hex 32');
      if (token.trim().length > 3) expect(message).not.toContain(token);
    }
    expect(() => parseOptions([], { X_MCP_AUTH_TOKEN: 'weak' })).toThrow(/^X_MCP_AUTH_TOKEN must be/);
    expect(parseOptions(['--auth-token', TOKEN], {}).authToken).toBe(TOKEN);
  });

  it('startHttp refuses a weak token too (for embedders)', async () => {
    await expect(
      startHttp({ host: '127.0.0.1', port: 0, authToken: 'sekret', createServer: () => undefined as never }),
    ).rejects.toThrow(/at least 32 characters/);
  });

  it('the bin refuses a one-character token', () => {
    const result = run(['--transport', 'http', '--port', '0'], { X_MCP_AUTH_TOKEN: 'x' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('X_MCP_AUTH_TOKEN must be at least 32 characters');
  });
});

describe('other values', () => {
  it('name the flag or the variable and the rule', () => {
    expect(() => parseOptions([], { X_MCP_PORT: 'x' })).toThrow(/^X_MCP_PORT must be a port number/);
    expect(() => parseOptions(['--port', '70000'], {})).toThrow(/^--port must be a port number/);
    expect(() => parseOptions([], { X_MCP_TRANSPORT: 'tcp' })).toThrow(
      /^X_MCP_TRANSPORT must be stdio or http/,
    );
    expect(() => parseOptions(['--host', '127.0.0.1:80'], {})).toThrow(/^--host must be .* without a port/);
    expect(() => parseOptions(['--allowed-hosts', 'https://proxy.example'], {})).toThrow(/^--allowed-hosts:/);
    expect(() => parseOptions(['--allowed-origins', 'localhost:6274'], {})).toThrow(/^--allowed-origins:/);
    expect(() => parseOptions(['--headers-timeout', '0'], {})).toThrow(/^--headers-timeout must be/);
    expect(() => parseOptions([], { X_MCP_MAX_CONNECTIONS: 'lots' })).toThrow(
      /^X_MCP_MAX_CONNECTIONS must be/,
    );
    expect(() => parseOptions(['--headers-timeout', '5000', '--request-timeout', '1000'], {})).toThrow(
      /--headers-timeout \(5000\) must not exceed --request-timeout \(1000\)/,
    );
  });
});

describe('tool selection', () => {
  const start = (args: string[]) =>
    createApp(parseOptions(args, {}), {
      vendors: [demoModule],
      env: { DEMO_URL: 'http://127.0.0.1:9', DEMO_KEY: CANARY_KEY },
    });

  it('an unknown toolset is a startup error listing the valid ones', async () => {
    await expect(start(['--toolsets', 'demo.thing'])).rejects.toThrow(
      /unknown toolset\(s\): demo\.thing \(did you mean demo\.things\?\) in --toolsets \/ X_MCP_TOOLSETS; valid: all, demo, demo\.things, demo\.fail/,
    );
  });

  it('an unknown tool names its flag and suggests close matches, or how to list them', async () => {
    await expect(start(['--tools', 'demo_things_lst'])).rejects.toThrow(
      /unknown tool\(s\): demo_things_lst \(did you mean demo_things_list\?\) in --tools \/ X_MCP_TOOLS/,
    );
    await expect(start(['--exclude-tools', 'zzz'])).rejects.toThrow(
      /unknown tool\(s\): zzz in --exclude-tools \/ X_MCP_EXCLUDE_TOOLS; run with --list-tools --sandbox/,
    );
  });

  it('the bin stops on a mistyped toolset instead of serving no tools', () => {
    const result = run(['--sandbox', '--toolsets', 'lunanode.vms']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/unknown toolset\(s\): lunanode\.vms \(did you mean lunanode\.vm\?\)/);
    expect(result.stderr).toContain('tuxcare.els');
  });
});

describe('--list-tools', () => {
  it('prints what the server would serve: read-only, toolsets, tools, exclusions', () => {
    const result = run([
      '--list-tools',
      '--sandbox',
      '--read-only',
      '--toolsets',
      'lunanode.vm',
      '--tools',
      'tuxcare_status,vmmanager_host_start',
      '--exclude-tools',
      'lunanode_vm_list',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const rows = listed(result.stdout);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((row) => row.effect === 'read')).toBe(true);
    expect(rows.every((row) => row.toolset === 'lunanode.vm' || row.name === 'tuxcare_status')).toBe(true);
    expect(rows.map((row) => row.name)).toContain('tuxcare_status');
    expect(rows.map((row) => row.name)).not.toContain('lunanode_vm_list');
    expect(rows.map((row) => row.name)).not.toContain('vmmanager_host_start'); // read-only wins
    expect(result.stdout).toContain(`${rows.length} tools,`);
  });

  it('lists only vendors with credentials, with their accounts', () => {
    const settings = lunanodeSandbox.settings!('http://127.0.0.1:9');
    const one = listed(run(['--list-tools'], settings).stdout);
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((row) => row.name?.startsWith('lunanode_'))).toBe(true);

    // Two accounts: every LunaNode tool takes an `account` argument naming them, which costs tokens.
    const dir = mkdtempSync(join(tmpdir(), 'x-mcp-list-'));
    const config = join(dir, 'accounts.json');
    writeFileSync(config, JSON.stringify({ accounts: { lunanode: { east: settings, west: settings } } }));
    const two = listed(run(['--list-tools', '--config', config]).stdout);
    expect(two.map((row) => row.name)).toEqual(one.map((row) => row.name));
    const cost = (rows: typeof one) => rows.find((row) => row.name === 'lunanode_vm_list')?.tokens ?? 0;
    expect(cost(two)).toBeGreaterThan(cost(one));
  });
});
