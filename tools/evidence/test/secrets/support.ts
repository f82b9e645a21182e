import { inspect } from 'node:util';
import type { CommonClientOptions, Logger, VendorClient } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import {
  createSimulator,
  type EndpointProbe,
  FAST_CLIENT_OPTIONS,
  type IspManagerState,
  ispmanagerFixture,
  lunanodeFixture,
  type Simulator,
  type TuxCareSimState,
  tuxcareFixture,
  type VendorFixture,
  type VmManagerState,
  vmmanagerFixture,
} from '@x/testkit';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';

/** What every redactor writes in place of a secret. */
export const REDACTED = '[REDACTED]';

/**
 * Canary credentials, one per secret of every vendor. Each starts with a distinctive 12-character head, so
 * a secret cut in half by an excerpt or a log line (the head survives, the rest does not) is still caught.
 * The values carry the characters that break naive redaction: `&`, `#`, `+`, `:`, `=`, `%`, `/`, a space and
 * a non-ASCII letter where the vendor allows them.
 */
export const CANARY = {
  tuxcareLogin: 'cnryTuxLogn1-reseller',
  tuxcareSecret: 'cnryTuxSecr2&#+:=%/ é-9f8e7d6c5b4a',
  lunanodeId: 'cnryLunaId3Q8zPw', // 16 characters, as LunaNode issues them
  // 128 printable characters without spaces; both halves carry a head (the first half travels as api_partialkey).
  lunanodeKey: `cnryLunaKey4${'a1&b2#c3+d4:'.repeat(4)}${'x'.repeat(4)}cnryLunaKey5${'Z9y8X7w6V5u4'.repeat(4)}QqQq`,
  ispPassword: 'cnryIspPass6&#+: =%/é!ok',
  vmPassword: 'cnryVmPassw7&#+:=%/ é',
  vmToken: 'cnryVmToken8-4f1c2b9a-77e0-4d52-9d1e-0a6b3c5e9f11',
} as const;

if (CANARY.lunanodeKey.length !== 128) throw new Error(`canary key has ${CANARY.lunanodeKey.length} chars`);

/** The ISPmanager login that goes with the canary password (not secret itself). */
export const ISP_USER = 'cnryadmin';
/** The VMmanager e-mail that goes with the canary password (not secret itself). */
export const VM_EMAIL = 'canary-admin@example.com';

/** Every secret value, plus the derived ones that travel on the wire (LunaNode's partial key, authinfo). */
export const SECRET_VALUES: readonly string[] = [
  ...Object.values(CANARY),
  CANARY.lunanodeKey.slice(0, 64),
  CANARY.lunanodeKey.slice(64),
  `${ISP_USER}:${CANARY.ispPassword}`,
];

/** The forms a secret can take on the way to a surface. */
function formsOf(secret: string): Array<[string, string]> {
  return [
    ['raw', secret],
    ['encodeURIComponent', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ v: secret }).toString().slice(2)],
    ['encodeURI', encodeURI(secret)],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64url', Buffer.from(secret).toString('base64url')],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['JSON-in-JSON', JSON.stringify(JSON.stringify(secret)).slice(2, -2)],
    ['XML-escaped', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')],
  ];
}

const HEAD = 12;
/** Every needle searched for: full forms of every secret, and the head of every canary (a cut secret). */
const NEEDLES: ReadonlyArray<{ label: string; needle: string }> = (() => {
  const out = new Map<string, string>();
  for (const secret of SECRET_VALUES) {
    for (const [how, form] of formsOf(secret)) out.set(form, `${how} ${secret.slice(0, HEAD)}…`);
  }
  for (const secret of Object.values(CANARY))
    out.set(secret.slice(0, HEAD), `head of ${secret.slice(0, HEAD)}`);
  out.set('cnryLunaKey5', 'head of the second half of the LunaNode key');
  return [...out].map(([needle, label]) => ({ needle, label }));
})();

/** The canaries (in any form) found in a text; empty when it is clean. */
export function leaksIn(text: string): string[] {
  return NEEDLES.filter(({ needle }) => text.includes(needle)).map(({ label }) => label);
}

/** Everything a person or an agent could see of an error: message, stack, JSON, inspect, the whole cause chain. */
export function errorSurfaces(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: 8, showHidden: true })];
  const seen = new Set<unknown>();
  const walk = (current: unknown, depth: number) => {
    if (!current || typeof current !== 'object' || seen.has(current) || depth > 8) {
      if (current !== undefined && typeof current !== 'object') parts.push(String(current));
      return;
    }
    seen.add(current);
    const e = current as Error & { toJSON?: () => unknown; errors?: unknown[] };
    parts.push(String(e.message), String(e.stack), safeJson(e), safeJson(Object.entries(e)));
    if (typeof e.toJSON === 'function') parts.push(safeJson(e.toJSON()));
    for (const value of Object.values(e)) if (value && typeof value === 'object') walk(value, depth + 1);
    if (Array.isArray(e.errors)) for (const inner of e.errors) walk(inner, depth + 1);
    walk(e.cause, depth + 1);
  };
  walk(error, 0);
  return parts.join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** A logger that keeps every line (message and fields), as an application's logger would receive them. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push(`${level} ${message} ${fields ? safeJson(fields) : ''}`);
    };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

/** Client options for the evidence runs: quick retries and short clocks, the environment ignored. */
export const FAST: CommonClientOptions = {
  ...FAST_CLIENT_OPTIONS,
  timeouts: { headersMs: 300, bodyMs: 300, deadlineMs: 3_000, connectMs: 1_000 },
};

/** One vendor as the evidence run drives it. */
export interface VendorCase {
  id: 'tuxcare' | 'lunanode' | 'ispmanager' | 'vmmanager';
  module: VendorModule;
  /** A simulator that accepts the canary credentials (per test run, seeded with them). */
  accepting(): Promise<Simulator<unknown>>;
  /** A simulator with its default demo credentials only: the canaries are refused. */
  rejecting(): Promise<Simulator<unknown>>;
  /** The canary settings (keyed like the environment variables) for a simulator's URL. */
  settings(url: string): Record<string, string>;
  /** A read that needs little input, a create-like write, and a destructive call (for previews). */
  read: { id: string; input: Record<string, unknown> };
  write: { id: string; input: Record<string, unknown> };
  destroy: { id: string; input: Record<string, unknown> };
}

/** Canary settings per vendor, for a base URL (the simulator's root). */
export function canarySettings(id: VendorCase['id'], url: string): Record<string, string> {
  switch (id) {
    case 'tuxcare':
      return {
        TUXCARE_LOGIN: CANARY.tuxcareLogin,
        TUXCARE_SECRET_KEY: CANARY.tuxcareSecret,
        TUXCARE_BASE_URL: `${url}/api`,
      };
    case 'lunanode':
      return {
        LUNANODE_API_ID: CANARY.lunanodeId,
        LUNANODE_API_KEY: CANARY.lunanodeKey,
        LUNANODE_BASE_URL: `${url}/api`,
      };
    case 'ispmanager':
      return {
        ISPMANAGER_URL: `${url}/ispmgr`,
        ISPMANAGER_USERNAME: ISP_USER,
        ISPMANAGER_PASSWORD: CANARY.ispPassword,
      };
    case 'vmmanager':
      return { VMMANAGER_URL: url, VMMANAGER_EMAIL: VM_EMAIL, VMMANAGER_PASSWORD: CANARY.vmPassword };
  }
}

/** Teaches a started simulator the canary credentials (through its state, as its own seed would). */
export function acceptCanaries(id: VendorCase['id'], sim: Simulator<unknown>): void {
  switch (id) {
    case 'tuxcare':
      (sim as Simulator<TuxCareSimState>).state.accounts.push({
        login: CANARY.tuxcareLogin,
        secretKey: CANARY.tuxcareSecret,
        resellerApiToken: 'cnryResellerApiTokenNotConfigured',
      });
      return;
    case 'lunanode':
      return; // credentials are a constructor option, see below
    case 'ispmanager':
      (sim as Simulator<IspManagerState>).state.admins.push({
        name: ISP_USER,
        passwd: CANARY.ispPassword,
        level: 'admin',
      });
      return;
    case 'vmmanager': {
      const state = (sim as Simulator<VmManagerState>).state;
      const admin = state.accounts[0];
      if (!admin) throw new Error('the VMmanager simulator has no seeded account');
      state.accounts.push({ ...admin, id: 9001, email: VM_EMAIL, password: CANARY.vmPassword });
      state.tokens.push({
        id: 9001,
        token: CANARY.vmToken,
        accountId: admin.id,
        lastUsed: Date.now(),
        expiresAt: Date.now() + 3_600_000,
        description: 'canary static token',
      });
      return;
    }
  }
}

async function started<S>(sim: Simulator<S>, id: VendorCase['id'], accept: boolean) {
  await sim.start();
  if (accept) acceptCanaries(id, sim as Simulator<unknown>);
  return sim as Simulator<unknown>;
}

/** A fixture probe as an endpoint id and a fresh input. */
function call(probe: EndpointProbe): { id: string; input: Record<string, unknown> } {
  return {
    id: probe.endpoint,
    get input() {
      return probe.input();
    },
  };
}

/** A vendor from its fixture: simulators that accept the canaries or refuse them, and the fixture's probes. */
function vendorCase<S, O extends object>(
  fixture: VendorFixture<S, O>,
  module: VendorModule,
  simulatorOptions: { accepting?: O; rejecting?: O } = {},
): VendorCase {
  return {
    id: fixture.id,
    module,
    accepting: () => started(fixture.simulator(simulatorOptions.accepting), fixture.id, true),
    rejecting: () => started(fixture.simulator(simulatorOptions.rejecting), fixture.id, false),
    settings: (url) => canarySettings(fixture.id, url),
    read: call(fixture.read),
    write: call(fixture.create),
    destroy: call(fixture.destroy),
  };
}

export const VENDORS: readonly VendorCase[] = [
  vendorCase(tuxcareFixture, tuxcareModule as VendorModule),
  // LunaNode's credentials are a constructor option of its simulator, not state.
  vendorCase(lunanodeFixture, lunanodeModule as VendorModule, {
    accepting: { credentials: [{ apiId: CANARY.lunanodeId, apiKey: CANARY.lunanodeKey }] },
  }),
  vendorCase(ispmanagerFixture, ispmanagerModule as VendorModule),
  vendorCase(vmmanagerFixture, vmmanagerModule as VendorModule),
];

/** Connects a vendor client through its module, as the MCP server does, with a logger and fast clocks. */
export function connect(
  vendor: VendorCase,
  settings: Record<string, string>,
  logger: Logger,
  extra: CommonClientOptions = {},
): VendorClient<never> {
  // The fixture's fast options (VMmanager's 503 steps, LunaNode's nonce) pass through connect to the client.
  const fixture = [tuxcareFixture, lunanodeFixture, ispmanagerFixture, vmmanagerFixture].find(
    (candidate) => candidate.id === vendor.id,
  );
  const options = { ...fixture?.fast, ...FAST, logger, ...extra };
  return vendor.module.connect(settings, options) as unknown as VendorClient<never>;
}

/** Runs a call and returns what it threw (or its result, marked). */
export async function outcome(run: () => Promise<unknown>): Promise<{ ok: boolean; value: unknown }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, value: error };
  }
}

/**
 * A body that places `secret` across each cut point, so an excerpt or log line that cuts the text before
 * redacting it keeps the secret's head.
 */
export function straddling(secret: string, cuts: readonly number[], prefix = ''): string {
  let body = prefix;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    // The head (12 characters) ends 2 characters before the cut, the rest of the secret after it.
    const start = cut - HEAD - 2;
    if (body.length < start) body += 'x'.repeat(start - body.length);
    body += `${secret} `;
  }
  return body;
}

/**
 * A broken panel that echoes the whole request (URL, headers, body) in an HTML page, as debug error pages
 * and misconfigured proxies do: every credential the client sent comes back in the answer.
 */
export function createEchoingPanel(status: number): Simulator<undefined> {
  return createSimulator({
    name: `echoing-${status}`,
    handler: (req) => ({
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body:
        `<html><head><title>Error ${status}</title></head><body><h1>Request dump</h1><pre>` +
        `${req.method} ${req.url.href}\n${Object.entries(req.headers)
          .map(([name, value]) => `${name}: ${String(value)}`)
          .join('\n')}\n\n${req.text}</pre></body></html>`,
    }),
  });
}
