// One read endpoint per vendor, called two ways against the same simulator: through the vendor client, and as
// a bare undici.request of the same wire request. The bare side does the same per-call work the vendor needs
// (a fresh TuxCare token, a fresh LunaNode signature, computed with the @x/auth-core signers) and the minimal
// decoding a caller needs (JSON.parse, or fast-xml-parser for ISPmanager's XML), so the ratio is the client's
// own cost: input validation, binding, transport, decoding into typed results, output validation.
import { createNonceSource, lunanodeSign, tuxcareToken } from '@x/auth-core';
import { createIspManagerClient } from '@x/ispmanager';
import { createLunaNodeClient } from '@x/lunanode';
import { createTuxCareClient } from '@x/tuxcare';
import { createVmManagerClient } from '@x/vmmanager';
import { XMLParser } from 'fast-xml-parser';
import { request } from 'undici';

/** The XML parser of the bare side: fast-xml-parser as a caller would set it up for attribute-bearing XML. */
export const bareXmlParser = new XMLParser({ ignoreAttributes: false });

/** Fails the benchmark when an answer is not what the call should give (a failing side measures nothing). */
function expect(condition, what) {
  if (!condition) throw new Error(`benchmark sanity check failed: ${what}`);
}

/** Static headers of the client's request as the simulator logged it: the bare side sends the same ones. */
function staticHeaders(record, names) {
  return Object.fromEntries(
    names.filter((name) => record.headers[name] !== undefined).map((name) => [name, record.headers[name]]),
  );
}

async function readJson(statusCode, body) {
  const json = await body.json();
  expect(statusCode === 200, `HTTP ${statusCode}`);
  return json;
}

/**
 * Each vendor: `client(settings)` makes the client, `call(client)` the measured call; `bare(settings, record,
 * dispatcher)` builds the bare call from the client's logged request; `volatile` names the per-call parts that
 * legitimately differ between two calls (tokens, signatures, nonces) when the wire requests are compared.
 */
export const vendors = [
  {
    name: 'tuxcare',
    endpoint: 'els.key.list',
    client: (settings) => createTuxCareClient({ env: settings, proxy: false }),
    call: async (client) => {
      const keys = await client.els.key.list({ code: 'CELS' });
      expect(Array.isArray(keys) && keys.length > 0, 'tuxcare client: a key list');
    },
    volatile: { query: ['token'], form: [], headers: [] },
    bare(settings, record, dispatcher) {
      const headers = staticHeaders(record, ['user-agent', 'accept']);
      const login = settings.TUXCARE_LOGIN;
      const secretKey = settings.TUXCARE_SECRET_KEY;
      const base = `${settings.TUXCARE_BASE_URL}/els/key/list.json`;
      return async () => {
        const token = tuxcareToken({ login, secretKey, nowMs: Date.now() });
        const query = new URLSearchParams({ code: 'CELS', productType: 'CELS', token });
        const { statusCode, body } = await request(`${base}?${query}`, {
          dispatcher,
          method: 'GET',
          headers,
        });
        const json = await readJson(statusCode, body);
        expect(
          json.success === true && Array.isArray(json.data) && json.data.length > 0,
          'tuxcare bare: a key list',
        );
      };
    },
  },
  {
    name: 'lunanode',
    endpoint: 'vm.list',
    client: (settings) => createLunaNodeClient({ env: settings, proxy: false }),
    call: async (client) => {
      const { vms } = await client.vm.list({});
      expect(Array.isArray(vms) && vms.length > 0, 'lunanode client: a VM list');
    },
    volatile: { query: [], form: ['signature', 'nonce'], headers: [] },
    bare(settings, record, dispatcher) {
      const headers = staticHeaders(record, ['user-agent', 'content-type', 'accept']);
      const apiId = settings.LUNANODE_API_ID;
      const apiKey = settings.LUNANODE_API_KEY;
      const url = `${settings.LUNANODE_BASE_URL}/vm/list/`;
      const nonces = createNonceSource();
      return async () => {
        const signed = lunanodeSign({
          category: 'vm',
          action: 'list',
          params: {},
          apiId,
          apiKey,
          nonce: nonces(),
        });
        const form = new URLSearchParams({
          req: signed.req,
          signature: signed.signature,
          nonce: signed.nonce,
        });
        const { statusCode, body } = await request(url, {
          dispatcher,
          method: 'POST',
          headers,
          body: form.toString(),
        });
        const json = await readJson(statusCode, body);
        expect(
          json.success === 'yes' && Array.isArray(json.vms) && json.vms.length > 0,
          'lunanode bare: a VM list',
        );
      };
    },
  },
  {
    name: 'ispmanager',
    endpoint: 'user.list',
    client: (settings) => createIspManagerClient({ env: settings, proxy: false }),
    call: async (client) => {
      const result = await client.user.list({});
      expect(result.kind === 'list' && result.elements.length > 0, 'ispmanager client: a user list');
    },
    volatile: { query: [], form: [], headers: [] },
    bare(settings, record, dispatcher) {
      const headers = staticHeaders(record, ['user-agent', 'content-type', 'accept']);
      const url = settings.ISPMANAGER_URL;
      const authinfo = `${settings.ISPMANAGER_USERNAME}:${settings.ISPMANAGER_PASSWORD}`;
      return async () => {
        const form = new URLSearchParams({ func: 'user', out: 'xml', authinfo });
        const { statusCode, body } = await request(url, {
          dispatcher,
          method: 'POST',
          headers,
          body: form.toString(),
        });
        const text = await body.text();
        expect(statusCode === 200, `HTTP ${statusCode}`);
        const doc = bareXmlParser.parse(text).doc;
        expect(Array.isArray(doc?.elem) && doc.elem.length > 0, 'ispmanager bare: a user list');
      };
    },
  },
  {
    name: 'vmmanager',
    endpoint: 'host.list',
    client: (settings) => createVmManagerClient({}, { env: settings, proxy: false }),
    call: async (client) => {
      const { list } = await client.host.list({});
      expect(Array.isArray(list) && list.length > 0, 'vmmanager client: a host list');
    },
    volatile: { query: [], form: [], headers: ['x-xsrf-token'] },
    // The bare side logs in once, as the client does (its token is cached), before any measurement.
    async bare(settings, record, dispatcher) {
      const headers = staticHeaders(record, ['user-agent', 'accept']);
      const login = await request(`${settings.VMMANAGER_URL}/auth/v4/public/token`, {
        dispatcher,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ email: settings.VMMANAGER_EMAIL, password: settings.VMMANAGER_PASSWORD }),
      });
      const { token } = await login.body.json();
      expect(typeof token === 'string', 'vmmanager bare: a login token');
      const url = `${settings.VMMANAGER_URL}/vm/v3/host`;
      const withToken = { ...headers, 'x-xsrf-token': token };
      return async () => {
        const { statusCode, body } = await request(url, { dispatcher, method: 'GET', headers: withToken });
        const json = await readJson(statusCode, body);
        expect(Array.isArray(json.list) && json.list.length > 0, 'vmmanager bare: a host list');
      };
    },
  },
];

/**
 * The comparable part of a logged request: method, path, query, headers (no `host`) and form fields, with
 * the vendor's per-call values replaced by a marker (they must be present on both sides, with any value).
 */
export function wireShape(record, volatile) {
  // Query and headers are compared as sets; form fields in their order (the body's bytes follow it).
  const mark = (entries, names, sorted = true) => {
    const kept = entries
      .filter(([name]) => name !== 'host')
      .map(([name, value]) => [name, names.includes(name) ? '<per call>' : value]);
    return sorted ? kept.sort(([a], [b]) => a.localeCompare(b)) : kept;
  };
  const isForm = String(record.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  return {
    method: record.method,
    path: record.path,
    query: mark(Object.entries(record.query), volatile.query),
    headers: mark(Object.entries(record.headers), volatile.headers),
    body: isForm ? mark([...new URLSearchParams(record.body)], volatile.form, false) : record.body,
  };
}
