import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIspManagerClient, type IspManagerClient, ResponseFormatError } from '@x/ispmanager';
import { createIspManagerSimulator, ISPMANAGER_DEMO, type IspManagerState, type Simulator } from '@x/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Hostile XML (and JSON) answers served by the ISPmanager simulator's `malformed` fault to a real client:
 * entity bombs, external entities, DOCTYPEs in every disguise, numeric-entity floods, deep nesting. Each is
 * refused as a ResponseFormatError (or, for a flood of plain character references, decoded exactly once)
 * without hanging; the vitest timeout is the only time bound. Nothing is ever fetched for an entity.
 */

let sim: Simulator<IspManagerState>;
let xmlClient: IspManagerClient;
let jsonClient: IspManagerClient;
/** A loopback server an external entity would be fetched from: it must never see a request. */
let trap: Server;
let trapHits = 0;
let trapUrl = '';

beforeAll(async () => {
  sim = (await createIspManagerSimulator().start()) as Simulator<IspManagerState>;
  const options = {
    url: `${sim.url}/ispmgr`,
    username: ISPMANAGER_DEMO.username,
    password: ISPMANAGER_DEMO.password,
    env: {},
    proxy: false,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  } as const;
  xmlClient = createIspManagerClient(options);
  jsonClient = createIspManagerClient({ ...options, format: 'json' });
  trap = createServer((_req, res) => {
    trapHits++;
    res.end('<!ENTITY leak "x">');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  // Log in before any fault is queued, so each fault answers the list call itself.
  await xmlClient.user.list();
  await jsonClient.user.list();
});

afterAll(async () => {
  await xmlClient?.close();
  await jsonClient?.close();
  await sim?.stop();
  trap?.closeAllConnections();
  await new Promise<void>((resolve) => (trap ? trap.close(() => resolve()) : resolve()));
});

/** Serves `body` as the answer to the next list call and returns what the client made of it. */
async function serve(body: string, contentType = 'text/xml', client = xmlClient): Promise<unknown> {
  sim.faults.add({ kind: 'malformed', body, contentType });
  const before = sim.log.length;
  const outcome = await client.user.list().catch((error: unknown) => error);
  // One request, no retry of an answer that will not change.
  expect(sim.log.length - before).toBe(1);
  expect(sim.faults.pending).toBe(0);
  return outcome;
}

async function expectRefused(body: string, message: RegExp, contentType?: string, client?: IspManagerClient) {
  const error = await serve(body, contentType, client);
  expect(error).toBeInstanceOf(ResponseFormatError);
  expect(error).toMatchObject({ kind: 'response-format', vendor: 'ispmanager' });
  expect((error as Error).message).toMatch(message);
  // Message and excerpt are bounded, whatever the size of the answer.
  expect((error as Error).message.length).toBeLessThan(1_000);
  expect(String((error as ResponseFormatError).excerpt ?? '').length).toBeLessThanOrEqual(400);
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function billionLaughs(levels: number): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= levels; i++) {
    entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  }
  return `${XML_DECL}<!DOCTYPE doc [${entities.join('')}]><doc><elem><name>&lol${levels};</name></elem></doc>`;
}

describe('ISPmanager decoder against hostile XML', () => {
  it('billion laughs (10 to 30 levels of tenfold entities) is refused unexpanded', async () => {
    for (const levels of [10, 20, 30]) await expectRefused(billionLaughs(levels), /DOCTYPE\/ENTITY/);
  });

  it('external entities (file and loopback URLs, parameter entities) are refused and never fetched', async () => {
    const bodies = [
      `${XML_DECL}<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><doc><elem><name>&xxe;</name></elem></doc>`,
      `${XML_DECL}<!DOCTYPE doc [<!ENTITY xxe SYSTEM "${trapUrl}/xxe">]><doc><elem><name>&xxe;</name></elem></doc>`,
      `${XML_DECL}<!DOCTYPE doc [<!ENTITY % remote SYSTEM "${trapUrl}/evil.dtd"> %remote;]><doc><ok/></doc>`,
      `${XML_DECL}<!DOCTYPE doc SYSTEM "${trapUrl}/doc.dtd"><doc><ok/></doc>`,
      `${XML_DECL}<!DOCTYPE doc PUBLIC "-//X//EN" "${trapUrl}/public.dtd"><doc><ok/></doc>`,
    ];
    for (const body of bodies) await expectRefused(body, /DOCTYPE\/ENTITY/);
    expect(trapHits).toBe(0);
  });

  it('a DOCTYPE or ENTITY declaration is refused in any disguise and position', async () => {
    const disguises = [
      '<!doctype doc [<!entity a "b">]><doc><ok/></doc>',
      '<! DOCTYPE doc><doc><ok/></doc>',
      '<!\n\tDOCTYPE doc><doc><ok/></doc>',
      `\ufeff${XML_DECL}<!DOCTYPE doc><doc><ok/></doc>`,
      `${XML_DECL}<!-- a comment first --><!DOCTYPE doc><doc><ok/></doc>`,
      `${XML_DECL}<doc><elem><name>a</name></elem><!DOCTYPE doc></doc>`,
      `${XML_DECL}<doc><![CDATA[x]]><!ENTITY a "b"><ok/></doc>`,
      `${XML_DECL}${'<!DOCTYPE doc>'.repeat(10_000)}<doc><ok/></doc>`,
      `${XML_DECL}<!DOCTYPE doc [${'<!ENTITY a "b">'.repeat(50_000)}]><doc><ok/></doc>`,
    ];
    for (const body of disguises) await expectRefused(body, /DOCTYPE\/ENTITY/);
  });

  it('random prefixes and suffixes around a declaration never get it through', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }).filter((text) => !text.includes('<!')),
        fc.constantFrom('DOCTYPE', 'doctype', 'DocType', 'ENTITY', 'entity'),
        fc.constantFrom('', ' ', '\n', '\t\r\n '),
        fc.constantFrom('<doc><ok/></doc>', '<doc><elem><name>&e;</name></elem></doc>', ''),
        async (prefix, keyword, space, rest) => {
          await expectRefused(
            `${XML_DECL}<doc>${prefix}</doc><!${space}${keyword} e "x">${rest}`.replace('<doc></doc>', ''),
            /DOCTYPE\/ENTITY/,
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a numeric character reference flood decodes once, linearly, to exactly its characters', async () => {
    const count = 200_000;
    const flood = `${XML_DECL}<doc><elem><name>${'&#38;'.repeat(count)}</name><note>${'&#x26;amp;'.repeat(1_000)}</note></elem></doc>`;
    const list = (await serve(flood)) as { kind: string; elements: Record<string, string>[] };
    expect(list.kind).toBe('list');
    expect(list.elements[0]?.name).toBe('&'.repeat(count));
    // `&#x26;amp;` is "&amp;" as text: one decoding pass, never a second one into "&".
    expect(list.elements[0]?.note).toBe('&amp;'.repeat(1_000));
  });

  it('references to undeclared or out-of-range entities stay text, they are not expanded or fetched', async () => {
    const body = `${XML_DECL}<doc><elem><name>&xxe;&lol9;&#x110000;&#99999999;&nbsp;</name></elem></doc>`;
    const list = (await serve(body)) as { elements: Record<string, string>[] };
    expect(list.elements[0]?.name).toBe('&xxe;&lol9;&#x110000;&#99999999;&nbsp;');
    expect(trapHits).toBe(0);
  });

  it('deeply nested documents are refused: XML up to 200,000 levels, closed or not', async () => {
    for (const depth of [100, 10_000, 200_000]) {
      const closed = `${XML_DECL}<doc>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</doc>`;
      await expectRefused(closed, /Maximum nested tags exceeded/);
      await expectRefused(`${XML_DECL}<doc>${'<a>'.repeat(depth)}`, /malformed XML/);
      await expectRefused(`${XML_DECL}<doc>${'<a x="1">'.repeat(depth)}</doc>`, /malformed XML/);
    }
  });

  it('deeply nested JSON answers are refused the same way (out=json)', async () => {
    for (const depth of [100, 10_000, 200_000]) {
      const body = `{"doc":${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}}`;
      await expectRefused(body, /nests deeper than 64 levels/, 'application/json', jsonClient);
      const arrays = `{"doc":{"elem":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      await expectRefused(arrays, /expected an element, got a list/, 'application/json', jsonClient);
    }
  });

  it('an element with 50,000 attributes or 100,000 empty siblings is answered, not hung on', async () => {
    const attributes = Array.from({ length: 50_000 }, (_, i) => `a${i}="${i}"`).join(' ');
    const wide = (await serve(`${XML_DECL}<doc><elem ${attributes}><name>w</name></elem></doc>`)) as {
      elements: Record<string, unknown>[];
    };
    expect(wide.elements[0]?.name).toBe('w');
    const siblings = `${XML_DECL}<doc>${'<elem><name>s</name></elem>'.repeat(100_000)}</doc>`;
    const many = (await serve(siblings)) as { elements: unknown[] };
    expect(many.elements).toHaveLength(100_000);
  });

  it('after all of that the client still reads a normal answer', async () => {
    const list = await xmlClient.user.list();
    expect(list.kind).toBe('list');
    expect(list.elements.length).toBeGreaterThan(0);
    expect(trapHits).toBe(0);
  });
});
