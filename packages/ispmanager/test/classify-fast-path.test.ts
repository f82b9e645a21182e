import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classifyDocument, docOf } from '../src/wire/result.js';
import { parseXml } from '../src/wire/xml.js';

// The benchmark table found list decoding 1.4x slower than bare fast-xml-parser, a third of it spent building
// a node per element; classifyDocument flattens list rows straight from the parser's output. It must give
// exactly what the node path gives, errors included.

/** The node path's answer, or its error message. */
function viaNodes(parsed: unknown): unknown {
  try {
    return classify(docOf(parsed));
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

function viaFastPath(parsed: unknown): unknown {
  try {
    return classifyDocument(parsed);
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

describe('classifyDocument (the list fast path)', () => {
  it('gives what classify(docOf()) gives on real list answers, XML and JSON', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<doc func="user">\n' +
      '\t<elem>\n\t\t<name>a &amp; b</name>\n\t\t<disk used="1" limit="10"/>\n\t\t<tag>x</tag>\n\t\t<tag>y</tag>\n' +
      '\t\t<empty/>\n\t\t<mixed kind="k">text</mixed>\n\t</elem>\n' +
      '\t<elem><name>solo</name></elem>\n' +
      '\t<p_num>2</p_num><p_cnt>1</p_cnt><p_elems>9</p_elems>\n</doc>\n';
    const parsed = parseXml(xml);
    const fast = classifyDocument(parsed);
    expect(fast).toEqual(classify(docOf(parsed)));
    expect(fast).toEqual({
      kind: 'list',
      elements: [
        {
          name: 'a & b',
          disk: { used: '1', limit: '10' },
          tag: ['x', 'y'],
          empty: '',
          mixed: { kind: 'k', $: 'text' },
        },
        { name: 'solo' },
      ],
      paging: { p_num: 2, p_cnt: 1, p_elems: 9 },
    });
    const json = JSON.parse(
      '{"doc":{"elem":[{"__proto__":{"$":"x"},"name":{"$":"n","$__proto__":"p"}}],"x":[]}}',
    );
    expect(classifyDocument(json)).toEqual(viaNodes(json));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves error, ok and confirm answers that carry rows to the node path', () => {
    for (const body of [
      '{"doc":{"error":{"$type":"exists","msg":{"$":"taken"}},"elem":[{"name":{"$":"a"}}]}}',
      '{"doc":{"ok":{"$":"ok"},"elem":[{"name":{"$":"a"}},{"name":{"$":"b"}}]}}',
      '{"doc":{"$func":"confirm","elem":{"name":{"$":"a"}}}}',
      '{"doc":{"auth":{"$id":"s1"},"elem":{"name":{"$":"a"}}}}',
      '{"doc":{"elem":[]}}',
    ]) {
      const parsed = JSON.parse(body);
      expect(classifyDocument(parsed)).toEqual(classify(docOf(parsed)));
    }
  });

  it('fails like the node path on broken rows (depth, lists, non-text values)', () => {
    const deep = JSON.parse(`{"doc":{"elem":[{"a":${'{"a":'.repeat(80)}{}${'}'.repeat(80)}}]}}`);
    expect(viaFastPath(deep)).toEqual(viaNodes(deep));
    expect(viaFastPath(deep)).toEqual({ threw: expect.stringMatching(/nests deeper/) });
    for (const body of [
      '{"doc":{"elem":[[{"a":1}]]}}',
      '{"doc":{"elem":{"a":{"$":{"x":1}}}}}',
      '{"doc":{"elem":{"$x":[1]},"p_num":{"$":{}}}}',
      '{"doc":{"p_num":{"$":{}},"elem":{"a":[[1]]}}}',
    ]) {
      const parsed = JSON.parse(body);
      expect(viaFastPath(parsed)).toEqual(viaNodes(parsed));
    }
  });

  it('property: on any JSON document, the same result or the same error', () => {
    const key = fc.constantFrom(
      '$',
      '$id',
      '$__proto__',
      'name',
      'elem',
      'error',
      'ok',
      'p_num',
      '__proto__',
      'x',
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 4 }),
        fc.dictionary(key, value, { maxKeys: 3 }),
        (rows, rest) => {
          const parsed = JSON.parse(JSON.stringify({ doc: { ...rest, elem: rows } }));
          expect(viaFastPath(parsed)).toEqual(viaNodes(parsed));
        },
      ),
      { numRuns: 300 },
    );
  });
});
