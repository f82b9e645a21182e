import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  catalogRefs,
  endpoint,
  fieldRefs,
  listedAs,
  ref,
  refsIn,
  renderRefs,
  renderRefsDeep,
  unresolvedRefs,
} from '../src/index.js';

const keyField = z.string().describe(`key, from ${ref('key.list')}`);

const catalog = {
  key: {
    list: endpoint({
      summary: 'List keys.',
      route: '/key/list',
      input: z.strictObject({}),
      output: z.array(z.object({ key: z.string() })),
      effect: 'read',
    }),
    update: endpoint({
      summary: 'Update a key.',
      description: `Check ${ref('key.list')} first; servers: ${ref('server.list')}.`,
      route: '/key/update',
      input: z.strictObject({
        key: keyField,
        note: z.string().optional().describe('note'),
        servers: z
          .array(z.strictObject({ id: z.int().describe(`server id, from ${ref('server.list')}`) }))
          .optional(),
        owner: listedAs(z.union([z.string(), z.int()]), {
          type: 'string',
          description: `from ${ref('user.list')}`,
        }),
      }),
      output: z.object({
        task: z
          .int()
          .optional()
          .describe(`pass it to ${ref('task.wait')}`),
      }),
      effect: 'update',
    }),
  },
};

describe('cross-references', () => {
  it('are tokens that read back as the ids they name, each once', () => {
    const text = `from ${ref('els.key.list')} or ${ref('els.key.list')}, then ${ref('ipl.register')}`;
    expect(refsIn(text)).toEqual(['els.key.list', 'ipl.register']);
    expect(refsIn('from tuxcare_els_key_list')).toEqual([]);
    expect(refsIn(undefined)).toEqual([]);
  });

  it('refuse what is not a dotted id, when the catalog is declared', () => {
    for (const bad of ['', 'els..key', '.els', 'els.key.', 'els key', 'tuxcare_els}']) {
      expect(() => ref(bad), bad).toThrow(/not a dotted catalog id/);
    }
    expect(ref('vm.iplist')).toBe('{@ref vm.iplist}');
  });

  it('render in the vocabulary of each projection, in text and in every string of a JSON value', () => {
    const text = `key, from ${ref('els.key.list')}.`;
    expect(renderRefs(text, (id) => `tuxcare_${id.replaceAll('.', '_')}`)).toBe(
      'key, from tuxcare_els_key_list.',
    );
    expect(renderRefs(text, (id) => `tc.${id}()`)).toBe('key, from tc.els.key.list().');
    const schema = { properties: { key: { description: text, enum: ['a'] } }, required: ['key'] };
    const rendered = renderRefsDeep(schema, (id) => `<${id}>`);
    expect(rendered).toEqual({
      properties: { key: { description: 'key, from <els.key.list>.', enum: ['a'] } },
      required: ['key'],
    });
    expect(schema.properties.key.description).toBe(text);
  });

  it('are read from a field by its path, through optional, array, union and compact listing wrappers', () => {
    const input = catalog.key.update.input;
    expect(fieldRefs(input, ['key'])).toEqual(['key.list']);
    expect(fieldRefs(input, ['servers', 0, 'id'])).toEqual(['server.list']);
    expect(fieldRefs(input, ['owner'])).toEqual(['user.list']);
    expect(fieldRefs(input, ['note'])).toEqual([]);
    expect(fieldRefs(input, ['missing'])).toEqual([]);
    expect(fieldRefs(catalog.key.update.output, ['task'])).toEqual(['task.wait']);
  });

  it('are listed per endpoint and place, and the ones naming no endpoint of the catalog are reported', () => {
    expect(catalogRefs(catalog)).toEqual([
      { from: 'key.update', where: 'description', id: 'key.list' },
      { from: 'key.update', where: 'description', id: 'server.list' },
      { from: 'key.update', where: 'input', id: 'key.list' },
      { from: 'key.update', where: 'input', id: 'server.list' },
      { from: 'key.update', where: 'input', id: 'user.list' },
      { from: 'key.update', where: 'output', id: 'task.wait' },
    ]);
    expect(unresolvedRefs(catalog)).toEqual([
      'key.update description: server.list is not an endpoint of this catalog',
      'key.update input: server.list is not an endpoint of this catalog',
      'key.update input: user.list is not an endpoint of this catalog',
      'key.update output: task.wait is not an endpoint of this catalog',
    ]);
    expect(unresolvedRefs({ key: { list: catalog.key.list } })).toEqual([]);
  });
});
