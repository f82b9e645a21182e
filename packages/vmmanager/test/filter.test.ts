import { parseVmManagerWhere } from '@x/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  encodeFilterParam,
  filterQuery,
  quoteText,
  type Where,
  WhereSchema,
  where,
  whereText,
} from '../src/index.js';
import { setup } from './support.js';

const { and, or, not, eq, ne, gt, ge, lt, le, cp } = where;

describe('where builder and encoding', () => {
  it('writes the document examples exactly', () => {
    expect(filterQuery({ where: eq('id', 1) })).toBe('where=(id+EQ+1)');
    expect(filterQuery({ where: and(eq('consul_id', '1341774670'), eq('name', 'host_create')) })).toBe(
      "where=(consul_id+EQ+'1341774670')+AND+(name+EQ+'host_create')",
    );
    expect(
      filterQuery({ orderby: { field: 'cluster.name', direction: 'desc' }, limit: { offset: 0, count: 50 } }),
    ).toBe('orderby=cluster.name+desc&limit=0,50');
  });

  it('nests groups in brackets, NOT before its operand, every operator', () => {
    const tree = or(
      and(gt('cpu_number', 2), le('ram_mib', 4096)),
      not(cp('name', 'web%')),
      ne('state', 'stopped'),
    );
    expect(whereText(tree)).toBe(
      "((cpu_number GT 2) AND (ram_mib LE 4096)) OR NOT (name CP 'web%') OR (state NE 'stopped')",
    );
    expect(whereText(and(ge('id', 1), lt('id', 9)))).toBe('(id GE 1) AND (id LT 9)');
    expect(whereText(and(eq('a', 1)))).toBe('(a EQ 1)');
    expect(whereText(eq('ha', true))).toBe('(ha EQ true)');
  });

  it('quotes and escapes text: quotes, backslashes, spaces, brackets, plus, ampersand, percent', () => {
    expect(quoteText("O'Brien (test) \\ x")).toBe("'O\\'Brien (test) \\\\ x'");
    expect(filterQuery({ where: eq('comment', "it's (very) important & fast+good") })).toBe(
      "where=(comment+EQ+'it%5C's+(very)+important+%26+fast%2Bgood')",
    );
    expect(encodeFilterParam('50% #1')).toBe('50%25+%231');
  });

  it('produces the README example', () => {
    const query = filterQuery({
      where: and(
        cp('name', 'web%'),
        or(eq('cluster.name', "O'Brien lab (test)"), not(eq('state', 'stopped'))),
      ),
      orderby: [{ field: 'cluster.name', direction: 'desc' }],
      limit: { offset: 0, count: 50 },
    });
    expect(query).toBe(
      "where=(name+CP+'web%25')+AND+((cluster.name+EQ+'O%5C'Brien+lab+(test)')+OR+NOT+(state+EQ+'stopped'))" +
        '&orderby=cluster.name+desc&limit=0,50',
    );
  });

  it('passes raw filter strings through, encoding only the URL', () => {
    expect(filterQuery({ where: "(name EQ 'a b')" })).toBe("where=(name+EQ+'a+b')");
  });

  it('the JSON form validates and converts to JSON Schema', () => {
    expect(
      WhereSchema.safeParse({
        and: [{ field: 'cluster.name', op: 'EQ', value: 'x' }, { not: { field: 'id', op: 'GT', value: 3 } }],
      }).success,
    ).toBe(true);
    expect(WhereSchema.safeParse({ field: 'name; DROP', op: 'EQ', value: 'x' }).success).toBe(false);
    expect(WhereSchema.safeParse({ field: 'name', op: 'LIKE', value: 'x' }).success).toBe(false);
    expect(WhereSchema.safeParse({ and: [] }).success).toBe(false);
    expect(() => z.toJSONSchema(WhereSchema, { io: 'input' })).not.toThrow();
  });

  it('any text value survives encoding: the simulator parses back exactly the value sent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('EQ', 'NE', 'CP'), (value, op) => {
        const query = new URLSearchParams(
          filterQuery({ where: { field: 'comment', op: op as 'EQ', value } }),
        );
        const parsed = parseVmManagerWhere(query.get('where') ?? '');
        expect(parsed).toEqual({ op: 'cmp', field: 'comment', cmp: op, value });
      }),
      { numRuns: 300 },
    );
  });
});

const t = setup();

describe('filters against the simulator', () => {
  const tricky: [string, Where, string[]][] = [
    ['a quote, brackets, ampersand and plus', eq('comment', "it's (very) important & fast+good"), ['web-2']],
    ['a percent sign matched by a CP mask', cp('comment', '50%'), ['db-1']],
    ['spaces in a CP mask', cp('comment', 'front %'), ['web-1']],
    ['nested cluster name with quote and brackets', eq('cluster.name', "O'Brien lab (test)"), ['lab-1']],
    [
      'OR of AND groups with NOT',
      or(and(eq('cluster.id', 1), not(eq('state', 'active'))), eq('id', 4)),
      ['db-1', 'lab-1'],
    ],
    ['numeric comparisons', and(ge('cpu_number', 2), lt('ram_mib', 8192)), ['web-1']],
    ['an account e-mail with a quote and a plus', eq('account.email', "o'brien+test@example.com"), ['db-1']],
  ];

  it.each(tricky)('%s', async (_name, filter, names) => {
    const vm = t.client();
    const result = await vm.host.list({ where: filter });
    expect(result.list.map((host) => host.name)).toEqual(names);
  });

  it('accepts raw filter strings and JSON trees through invoke (MCP form)', async () => {
    const vm = t.client();
    const raw = (await vm.invoke('host.list', { where: "(name CP 'web%') AND NOT (id EQ 1)" })) as {
      list: { name: string }[];
    };
    expect(raw.list.map((h) => h.name)).toEqual(['web-2']);
    const tree = (await vm.invoke('host.list', {
      where: {
        or: [
          { field: 'id', op: 'EQ', value: 1 },
          { field: 'id', op: 'EQ', value: 3 },
        ],
      },
      orderby: [{ field: 'id', direction: 'desc' }],
    })) as { list: { id: number }[] };
    expect(tree.list.map((h) => h.id)).toEqual([3, 1]);
  });

  it('limit pages through the ordered list and size counts the filtered total', async () => {
    const vm = t.client();
    const page = await vm.host.list({ orderby: { field: 'name' }, limit: { offset: 1, count: 2 } });
    expect(page.list.map((h) => h.name)).toEqual(['lab-1', 'web-1']);
    expect(page.size).toBe(4);
  });
});
