/**
 * The simulator's own reading of VMmanager list filters (`where`, `orderby`, `limit`), written from the
 * document: SQL-like WHERE with EQ NE GT GE LT LE CP, AND OR NOT and brackets; text in single quotes (a
 * backslash escapes `'` and `\`); numbers bare or quoted; CP is a LIKE mask (`%`, `_`, case-insensitive).
 */

/** A malformed filter; the simulator answers it with HTTP 400. */
export class FilterSyntaxError extends Error {}

type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'word'; value: string };

const OPERATORS = new Set(['EQ', 'NE', 'GT', 'GE', 'LT', 'LE', 'CP']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(') {
      tokens.push({ kind: 'open' });
      i++;
    } else if (char === ')') {
      tokens.push({ kind: 'close' });
      i++;
    } else if (char === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError('unterminated quoted value');
        const c = input[i] as string;
        if (c === '\\') {
          const next = input[i + 1];
          if (next === undefined) throw new FilterSyntaxError('dangling backslash');
          value += next;
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ kind: 'text', value });
    } else {
      const match = /^[^\s()']+/.exec(input.slice(i));
      const raw = match?.[0] ?? char;
      i += raw.length;
      if (/^-?\d+(\.\d+)?$/.test(raw)) tokens.push({ kind: 'number', value: Number(raw), raw });
      else tokens.push({ kind: 'word', value: raw });
    }
  }
  return tokens;
}

/** A parsed filter. */
export type Expr =
  | { op: 'and' | 'or'; left: Expr; right: Expr }
  | { op: 'not'; expr: Expr }
  | { op: 'cmp'; field: string; cmp: string; value: string | number };

class Parser {
  #pos = 0;
  constructor(readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.#or();
    if (this.#pos < this.tokens.length) throw new FilterSyntaxError('unexpected text after the expression');
    return expr;
  }

  #peekWord(word: string): boolean {
    const token = this.tokens[this.#pos];
    return token?.kind === 'word' && token.value.toUpperCase() === word;
  }

  #or(): Expr {
    let left = this.#and();
    while (this.#peekWord('OR')) {
      this.#pos++;
      left = { op: 'or', left, right: this.#and() };
    }
    return left;
  }

  #and(): Expr {
    let left = this.#not();
    while (this.#peekWord('AND')) {
      this.#pos++;
      left = { op: 'and', left, right: this.#not() };
    }
    return left;
  }

  #not(): Expr {
    if (this.#peekWord('NOT')) {
      this.#pos++;
      return { op: 'not', expr: this.#not() };
    }
    return this.#primary();
  }

  #primary(): Expr {
    const token = this.tokens[this.#pos];
    if (token?.kind === 'open') {
      this.#pos++;
      const expr = this.#or();
      if (this.tokens[this.#pos]?.kind !== 'close') throw new FilterSyntaxError('missing )');
      this.#pos++;
      return expr;
    }
    if (token?.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(token.value)) {
      throw new FilterSyntaxError('expected a field name');
    }
    const cmp = this.tokens[this.#pos + 1];
    if (cmp?.kind !== 'word' || !OPERATORS.has(cmp.value.toUpperCase())) {
      throw new FilterSyntaxError(`expected a comparison after ${token.value}`);
    }
    const value = this.tokens[this.#pos + 2];
    this.#pos += 3;
    if (value?.kind === 'text')
      return { op: 'cmp', field: token.value, cmp: cmp.value.toUpperCase(), value: value.value };
    if (value?.kind === 'number')
      return { op: 'cmp', field: token.value, cmp: cmp.value.toUpperCase(), value: value.value };
    if (value?.kind === 'word')
      return { op: 'cmp', field: token.value, cmp: cmp.value.toUpperCase(), value: value.value };
    throw new FilterSyntaxError(`expected a value after ${token.value} ${cmp.value}`);
  }
}

/** Parses a `where` expression (already URL-decoded). */
export function parseWhere(text: string): Expr {
  return new Parser(tokenize(text)).parse();
}

function fieldOf(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function compare(a: unknown, b: string | number): number | undefined {
  if (a === undefined || a === null) return undefined;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function like(value: unknown, mask: string): boolean {
  if (value === undefined || value === null) return false;
  const pattern = mask
    .split('')
    .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`, 'is').test(String(value));
}

/** Whether an element matches a parsed filter. */
export function matches(item: unknown, expr: Expr): boolean {
  switch (expr.op) {
    case 'and':
      return matches(item, expr.left) && matches(item, expr.right);
    case 'or':
      return matches(item, expr.left) || matches(item, expr.right);
    case 'not':
      return !matches(item, expr.expr);
    case 'cmp': {
      const value = fieldOf(item, expr.field);
      if (expr.cmp === 'CP') return like(value, String(expr.value));
      const order = compare(value, expr.value);
      if (order === undefined) return expr.cmp === 'NE';
      switch (expr.cmp) {
        case 'EQ':
          return order === 0;
        case 'NE':
          return order !== 0;
        case 'GT':
          return order > 0;
        case 'GE':
          return order >= 0;
        case 'LT':
          return order < 0;
        default:
          return order <= 0;
      }
    }
  }
}

/** Applies `where`, `orderby` and `limit` from a query string to a list; `size` counts before `limit`. */
export function applyListQuery<T>(items: readonly T[], query: URLSearchParams): { list: T[]; size: number } {
  let list = [...items];
  const where = query.get('where');
  if (where !== null && where.trim() !== '') {
    const expr = parseWhere(where);
    list = list.filter((item) => matches(item, expr));
  }
  const orderby = query.get('orderby');
  const keys = (orderby ?? 'id asc')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [field, direction = 'asc', extra] = part.split(/\s+/);
      if (!field || extra !== undefined || !/^(asc|desc)$/i.test(direction)) {
        throw new FilterSyntaxError(`bad orderby "${part}"`);
      }
      return { field, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
    });
  list.sort((a, b) => {
    for (const { field, sign } of keys) {
      const x = fieldOf(a, field);
      const order = compare(x, (fieldOf(b, field) ?? '') as string | number) ?? -1;
      if (order !== 0) return sign * order;
    }
    return 0;
  });
  const size = list.length;
  const limit = query.get('limit');
  if (limit !== null) {
    const match = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(limit);
    if (!match) throw new FilterSyntaxError('limit must be two comma-separated numbers: offset,count');
    const offset = Number(match[1]);
    list = list.slice(offset, offset + Number(match[2]));
  }
  return { list, size };
}
