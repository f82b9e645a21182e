/**
 * The conformance suite against the real world: every request recorded in fixtures/wire/<vendor>/<client>.json
 * (read from that client's public source, provenance in the file) is replayed byte for byte against a fresh
 * simulator, and the answer is checked against what the vendor document says it should be.
 */
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createIspManagerSimulator,
  createLunaNodeSimulator,
  createTuxCareSimulator,
  createVmManagerSimulator,
  LUNANODE_DEMO_API_ID,
  LUNANODE_DEMO_API_KEY,
  type Simulator,
  TUXCARE_DEMO_ACCOUNT,
  VMMANAGER_DEMO_EMAIL,
  VMMANAGER_DEMO_PASSWORD,
} from '../src/index.js';
import { harness } from './support.js';

const { start, fetchText } = harness();

interface Expectation {
  status: number;
  contentType?: string;
  json?: unknown;
  has?: string[];
  contains?: string[];
  absent?: string[];
}

interface WireRequest {
  operation: string;
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  auth?: 'vmmanager-token';
  lunanode?: {
    category: string;
    action: string;
    params: Record<string, string>;
    json: 'compact' | 'python' | 'sorted';
    fields: string[];
  };
  expect: Expectation;
}

interface Fixture {
  client: string;
  source: { repo: string | null; commit: string | null; files: string[]; fromNotes?: string };
  vendor: 'tuxcare' | 'lunanode' | 'ispmanager' | 'vmmanager';
  requests: WireRequest[];
}

const ROOT = new URL('../fixtures/wire/', import.meta.url);
const fixtures: [string, Fixture][] = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .flatMap((vendor) =>
    readdirSync(new URL(`${vendor}/`, ROOT))
      .filter((file) => file.endsWith('.json'))
      .map((file): [string, Fixture] => [
        `${vendor}/${file}`,
        JSON.parse(readFileSync(new URL(`${vendor}/${file}`, ROOT), 'utf8')) as Fixture,
      ]),
  );

const SIMULATORS: Record<Fixture['vendor'], () => Simulator<unknown>> = {
  tuxcare: () => createTuxCareSimulator() as Simulator<unknown>,
  lunanode: () => createLunaNodeSimulator() as Simulator<unknown>,
  ispmanager: () => createIspManagerSimulator() as Simulator<unknown>,
  vmmanager: () => createVmManagerSimulator({ taskDelayMs: 0 }) as Simulator<unknown>,
};

/** `expected` is contained in `actual`: object keys recursively, array elements by position. */
function contained(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length <= actual.length &&
      expected.every((item, index) => contained(actual[index], item))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([key, value]) =>
      contained((actual as Record<string, unknown>)[key], value),
    );
  }
  return Object.is(actual, expected);
}

/** The TuxCare token the clients compute: `login|ts|sha1(secret + ts)`. */
function tuxcareToken(): string {
  const ts = Math.floor(Date.now() / 1000);
  const hash = createHash('sha1').update(`${TUXCARE_DEMO_ACCOUNT.secretKey}${ts}`).digest('hex');
  return `${TUXCARE_DEMO_ACCOUNT.login}|${ts}|${hash}`;
}

/** The signed LunaNode form, built the way the recorded client builds it. */
function lunanodeForm(spec: NonNullable<WireRequest['lunanode']>): string {
  const params: Record<string, string> = {
    ...spec.params,
    api_id: LUNANODE_DEMO_API_ID,
    api_partialkey: LUNANODE_DEMO_API_KEY.slice(0, 64),
  };
  const ordered =
    spec.json === 'sorted'
      ? Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)))
      : params;
  const req =
    spec.json === 'python'
      ? `{${Object.entries(ordered)
          .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
          .join(', ')}}`
      : JSON.stringify(ordered);
  const handler = `${spec.category}/${spec.action}/`;
  const nonce = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha512', LUNANODE_DEMO_API_KEY)
    .update(`${handler}|${req}|${nonce}`)
    .digest('hex');
  const values: Record<string, string> = { req, handler, signature, nonce };
  return spec.fields.map((field) => `${field}=${encodeURIComponent(values[field] ?? '')}`).join('&');
}

describe('wire fixtures from real clients, replayed against the simulators', () => {
  it('has a fixture for every client the sandbox is proven with, each with provenance', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
    for (const [name, fixture] of fixtures) {
      expect(fixture.client, name).toBeTruthy();
      expect(fixture.source.repo !== null || fixture.source.fromNotes !== undefined, name).toBe(true);
      expect(fixture.requests.length, name).toBeGreaterThan(0);
    }
  });

  it.each(fixtures)('%s', async (_name, fixture) => {
    const sim = await start(SIMULATORS[fixture.vendor]());
    let token: string | undefined;
    for (const request of fixture.requests) {
      const headers: Record<string, string> = { ...request.headers };
      let method = request.method ?? 'POST';
      let path = request.path ?? '/';
      let body = request.body;
      if (request.lunanode) {
        method = 'POST';
        path = `/api/${request.lunanode.category}/${request.lunanode.action}/`;
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = lunanodeForm(request.lunanode);
      }
      if (request.auth === 'vmmanager-token') {
        if (token === undefined) {
          const login = await fetchText(`${sim.url}/auth/v4/public/token`, {
            method: 'POST',
            body: JSON.stringify({ email: VMMANAGER_DEMO_EMAIL, password: VMMANAGER_DEMO_PASSWORD }),
          });
          token = (JSON.parse(login.text) as { token: string }).token;
        }
        headers['x-xsrf-token'] = token;
      }
      const query = request.query?.replace('{token}', tuxcareToken());
      const answer = await fetchText(`${sim.url}${path}${query ? `?${query}` : ''}`, {
        method: method as 'GET',
        headers,
        ...(body !== undefined && { body }),
      });
      const where = `${fixture.client}: ${request.operation}`;
      expect(answer.status, where).toBe(request.expect.status);
      if (request.expect.contentType)
        expect(String(answer.headers['content-type']), where).toContain(request.expect.contentType);
      for (const text of request.expect.contains ?? []) expect(answer.text, where).toContain(text);
      for (const text of request.expect.absent ?? []) expect(answer.text, where).not.toContain(text);
      if (request.expect.json !== undefined || request.expect.has) {
        const json = JSON.parse(answer.text) as Record<string, unknown>;
        if (request.expect.json !== undefined)
          expect(contained(json, request.expect.json), `${where}: ${answer.text.slice(0, 400)}`).toBe(true);
        for (const key of request.expect.has ?? []) expect(Object.keys(json), where).toContain(key);
      }
    }
  });
});
