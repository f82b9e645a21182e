import { describe, expect, it } from 'vitest';
import { applyListQuery, FilterSyntaxError, parseWhere } from '../../src/vmmanager/query.js';

const items = [
  { id: 1, name: 'web-1', comment: "it's (very) important", cluster: { name: 'Main' }, cpu: 2 },
  { id: 2, name: 'web-2', comment: '50% full', cluster: { name: "O'Brien lab (test)" }, cpu: 4 },
  { id: 10, name: 'db-1', comment: 'a\\b', cluster: { name: 'Main' }, cpu: 8 },
];
const run = (query: string) => applyListQuery(items, new URLSearchParams(query)).list.map((item) => item.id);

describe('vmmanager simulator filters', () => {
  it('reads the document examples', () => {
    expect(run('where=(id+EQ+1)')).toEqual([1]);
    expect(run("where=(name+EQ+'web-2')+AND+(cpu+EQ+'4')")).toEqual([2]);
    expect(run('orderby=cluster.name+desc&limit=0,2')).toEqual([2, 1]);
  });

  it('compares numbers numerically and text as text', () => {
    expect(run('where=(cpu+GT+2)')).toEqual([2, 10]);
    expect(run('where=(cpu+LE+4)')).toEqual([1, 2]);
    expect(run("where=(name+GE+'web')")).toEqual([1, 2]);
    expect(run('where=(id+NE+10)')).toEqual([1, 2]);
  });

  it('handles quotes, brackets, backslashes and LIKE masks in values', () => {
    const q = (where: string) => run(`where=${encodeURIComponent(where)}`);
    expect(q("(comment EQ 'it\\'s (very) important')")).toEqual([1]);
    expect(q("(cluster.name EQ 'O\\'Brien lab (test)')")).toEqual([2]);
    expect(q("(comment EQ 'a\\\\b')")).toEqual([10]);
    expect(q("(comment CP '50\\%%')")).toEqual([2]);
    expect(q("(name CP 'WEB-_')")).toEqual([1, 2]);
  });

  it('honours AND over OR, NOT and brackets', () => {
    const q = (where: string) => run(`where=${encodeURIComponent(where)}`);
    expect(q('(id EQ 1) OR (id EQ 2) AND (cpu EQ 8)')).toEqual([1]);
    expect(q('((id EQ 1) OR (id EQ 2)) AND (cpu EQ 4)')).toEqual([2]);
    expect(q("NOT (name CP 'web%')")).toEqual([10]);
  });

  it('rejects malformed filters', () => {
    expect(() => parseWhere("(name EQ 'open")).toThrow(FilterSyntaxError);
    expect(() => parseWhere('(name LIKE 1)')).toThrow(FilterSyntaxError);
    expect(() => parseWhere('(id EQ 1')).toThrow(FilterSyntaxError);
    expect(() => run('limit=5')).toThrow(FilterSyntaxError);
    expect(() => run('orderby=name+sideways')).toThrow(FilterSyntaxError);
  });
});
