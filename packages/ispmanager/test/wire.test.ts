import { NotFoundError, ResponseFormatError } from '@x/auth-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, docOf } from '../src/wire/result.js';
import { parseXml } from '../src/wire/xml.js';
import { clientFor, startPanel } from './support.js';

const xml = (body: string) => classify(docOf(parseXml(body)));
const json = (body: string) => classify(docOf(JSON.parse(body)));

describe('XML and JSON normalise to the same result kinds', () => {
  it('list with paging', () => {
    const fromXml = xml(
      '<?xml version="1.0" encoding="UTF-8"?><doc><elem><name>a.com</name><php/><user used="1" limit="10"/></elem>' +
        '<elem><name>b.com</name></elem><p_num>1</p_num><p_cnt>2</p_cnt><p_elems>5</p_elems></doc>',
    );
    const fromJson = json(
      '{"doc":{"$lang":"en","$func":"webdomain","elem":[{"name":{"$":"a.com"},"php":{},"user":{"$used":"1","$limit":"10"}},' +
        '{"name":{"$":"b.com"}}],"p_num":{"$":"1"},"p_cnt":{"$":"2"},"p_elems":{"$":"5"},' +
        '"metadata":{"$type":"list","$key":"name"},"tparams":{"func":{"$":"webdomain"}}}}',
    );
    const expected = {
      kind: 'list',
      elements: [{ name: 'a.com', php: '', user: { used: '1', limit: '10' } }, { name: 'b.com' }],
      paging: { p_num: 1, p_cnt: 2, p_elems: 5 },
    };
    expect(fromXml).toEqual(expected);
    expect(fromJson).toEqual(expected);
  });

  it('a single element in JSON is an object, not an array, and still a list', () => {
    expect(json('{"doc":{"elem":{"name":{"$":"only"}}}}')).toEqual({
      kind: 'list',
      elements: [{ name: 'only' }],
    });
  });

  it('form, with elid and without furniture', () => {
    const doc =
      '<doc><elid>example.com</elid><name>example.com</name><alias>www.example.com test.example.com</alias><cgi/></doc>';
    expect(xml(doc)).toEqual({
      kind: 'form',
      elid: 'example.com',
      fields: {
        elid: 'example.com',
        name: 'example.com',
        alias: 'www.example.com test.example.com',
        cgi: '',
      },
    });
    expect(json('{"doc":{"elid":{"$":"x"},"name":{"$":"x"},"tparams":{"out":{"$":"json"}}}}')).toEqual({
      kind: 'form',
      elid: 'x',
      fields: { elid: 'x', name: 'x' },
    });
  });

  it('ok, ok with text (restart), ok with an id', () => {
    expect(xml('<doc><ok/></doc>')).toEqual({ kind: 'ok', text: '', fields: {} });
    expect(xml('<doc><ok>restart</ok></doc>')).toEqual({ kind: 'ok', text: 'restart', fields: {} });
    expect(json('{"doc":{"ok":{"$":"done"},"id":{"$":"7"}}}')).toEqual({
      kind: 'ok',
      text: 'done',
      id: '7',
      fields: { id: '7' },
    });
    expect(json('{"doc":{"ok":{}}}')).toEqual({ kind: 'ok', text: '', fields: {} });
  });

  it('auth, in both the short and the newer shape', () => {
    expect(xml('<doc><auth id="S1"/></doc>')).toEqual({ kind: 'auth', id: 'S1' });
    expect(xml('<doc><auth id="S2" level="29">S2</auth></doc>')).toEqual({
      kind: 'auth',
      id: 'S2',
      level: '29',
    });
    expect(json('{"doc":{"auth":{"$id":"S3","$level":"16","$":"S3"}}}')).toEqual({
      kind: 'auth',
      id: 'S3',
      level: '16',
    });
  });

  it('confirm', () => {
    expect(xml('<doc func="confirm"><elid>a</elid></doc>')).toEqual({
      kind: 'confirm',
      fields: { elid: 'a' },
    });
  });

  it('errors: the documented XML, the captured JSON, the legacy text and numeric forms', () => {
    const documented = xml(
      '<doc><error type="xml" object="xpath" report="yes" lang="ru"><param name="object" type="msg" msg="Error in XPath">xpath</param>' +
        '<param name="value">bad XPath</param><stack><action level="30" user="root">xmlerror</action></stack><group>g</group><msg>Error in XPath \'__value__\'</msg></error></doc>',
    );
    expect(documented).toEqual({
      kind: 'error',
      error: {
        type: 'xml',
        object: 'xpath',
        value: 'bad XPath',
        message: "Error in XPath 'bad XPath'",
        params: { object: 'xpath', value: 'bad XPath' },
        lang: 'ru',
      },
    });
    const captured = json(
      '{"doc":{"error":{"$type":"auth","$object":"badpassword","$lang":"en","detail":{"$":"Invalid username or password "},' +
        '"msg":{"$":"Invalid username or password "},"param":[{"$name":"object","$type":"msg","$":"badpassword"},' +
        '{"$name":"value","$":"remote_addr: [85.140.114.49]"}]}}}',
    );
    expect(captured).toMatchObject({
      kind: 'error',
      error: {
        type: 'auth',
        object: 'badpassword',
        value: 'remote_addr: [85.140.114.49]',
        message: 'Invalid username or password',
      },
    });
    expect(xml('<doc><error>error message.</error></doc>')).toMatchObject({
      error: { type: 'error', message: 'error message.' },
    });
    expect(xml('<doc><error code="2" obj="name" val="x"/></doc>')).toMatchObject({
      error: { type: 'exists', object: 'name', value: 'x' },
    });
  });

  it('decodes the predefined entities and character references, nothing else', () => {
    expect(
      xml(
        '<doc><elem><name>A &amp; B &lt;c&gt; &quot;d&quot; &#233;&#x20AC;</name><x>&nbsp;</x></elem></doc>',
      ),
    ).toMatchObject({
      elements: [{ name: 'A & B <c> "d" é€', x: '&nbsp;' }],
    });
  });

  it("keeps a value's own leading and trailing spaces, and drops only the indentation between elements", () => {
    // Found by the evidence suite: a comment " &" read back as "&" over out=xml.
    const doc =
      '<doc>\n\t<elem>\n\t\t<name> a &amp; </name>\n\t\t<comment>\n\tx </comment>\n\t</elem>\n</doc>\n';
    expect(xml(doc)).toEqual({ kind: 'list', elements: [{ name: ' a & ', comment: '\n\tx ' }] });
    expect(json('{"doc":{"elem":[{"name":{"$":" a & "},"comment":{"$":"\\n\\tx "}}]}}')).toEqual(xml(doc));
  });

  it('ignores prototype-polluting names', () => {
    const result = json('{"doc":{"elem":[{"__proto__":{"$":"x"},"name":{"$":"n"}}]}}');
    expect(result).toEqual({ kind: 'list', elements: [{ name: 'n' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile and broken answers', () => {
  const bomb =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
    '<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]><doc><elem><name>&lol9;</name></elem></doc>';

  it('refuses a DOCTYPE before parsing', () => {
    expect(() => parseXml(bomb)).toThrow(/DOCTYPE/);
    expect(() => parseXml('<doc><!ENTITY x "y"></doc>')).toThrow(/DOCTYPE\/ENTITY/);
  });

  it('refuses absurd nesting', () => {
    const deep = `<doc>${'<a>'.repeat(500)}x${'</a>'.repeat(500)}</doc>`;
    expect(() => parseXml(deep)).toThrow();
    const deepJson = `{"doc":${'{"a":'.repeat(500)}{}${'}'.repeat(500)}}`;
    expect(() => docOf(JSON.parse(deepJson))).toThrow(/nests deeper/);
    // Found by the evidence suite: the parser lists every unclosed tag, a 1.6 MB message for 200,000 of them.
    const unclosed = `<doc>${'<a>'.repeat(100_000)}`;
    expect(() => parseXml(unclosed)).toThrow(/^malformed XML: .{1,201}$/s);
  });

  let sim: Awaited<ReturnType<typeof startPanel>>;
  beforeAll(async () => {
    sim = await startPanel();
  });
  afterAll(() => sim.stop());

  const cases: [string, string, string, RegExp][] = [
    ['an entity bomb', bomb, 'text/xml', /DOCTYPE/],
    ['malformed XML', '<?xml version="1.0"?><doc><elem><name>a</elem></doc>', 'text/xml', /malformed XML/],
    [
      'an HTML error page',
      '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
      'text/html',
      /HTML page/,
    ],
    [
      'an HTML page without doctype',
      '<html><head></head><body>login</body></html>',
      'text/html',
      /HTML page/,
    ],
    ['XML without a doc root', '<?xml version="1.0"?><result><ok/></result>', 'text/xml', /no <doc> root/],
    ['malformed JSON', '{"doc":{"elem":[', 'application/json', /malformed JSON/],
    ['plain text', 'ERROR exists(user)', 'text/plain', /neither XML nor JSON/],
  ];

  it.each(cases)('%s becomes a ResponseFormatError', async (_name, body, contentType, message) => {
    const client = clientFor(sim);
    sim.faults.add({ kind: 'malformed', body, contentType });
    const error = await client.user.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as Error).message).toMatch(message);
    expect((error as ResponseFormatError).excerpt?.length).toBeLessThanOrEqual(300);
    await client.close();
  });

  it('a document labelled text/html is still read as a document', async () => {
    const client = clientFor(sim);
    sim.faults.add({
      kind: 'malformed',
      body: '<doc><elem><name>x</name></elem></doc>',
      contentType: 'text/html',
    });
    await expect(client.user.list()).resolves.toMatchObject({ kind: 'list', elements: [{ name: 'x' }] });
    await client.close();
  });

  it('a URL that names no panel binary (an HTML 404) is a NotFoundError with the status', async () => {
    const client = clientFor(sim, { url: `${sim.url}/notapanel` });
    const error = await client.user.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404 });
    await client.close();
  });

  it('an HTTP 5xx is retried for reads and then surfaces as an ApiError', async () => {
    const client = clientFor(sim);
    sim.faults.add({ kind: 'status', status: 503, body: '<html>busy</html>' }, { times: 1 });
    await expect(client.user.list()).resolves.toMatchObject({ kind: 'list' });
    sim.faults.add({ kind: 'status', status: 500, body: '<html>down</html>' }, { times: 3 });
    await expect(client.user.list()).rejects.toMatchObject({ kind: 'api', status: 500 });
    await client.close();
  });

  it('a create is not retried after a 5xx', async () => {
    const client = clientFor(sim);
    const before = sim.log.length;
    sim.faults.add({ kind: 'status', status: 502, body: 'bad gateway' }, { times: 3 });
    await expect(client.user.edit({ mode: 'create', name: 'once', passwd: 'x' })).rejects.toMatchObject({
      status: 502,
    });
    expect(sim.log.length - before).toBe(1);
    sim.faults.clear();
    await client.close();
  });
});
