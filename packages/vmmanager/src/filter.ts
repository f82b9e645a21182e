/**
 * VMmanager list filters: `where`, `orderby` and `limit`, as data (so an MCP tool can take them as JSON) and as
 * the query text the API expects, e.g. `where=(consul_id+EQ+'1341774670')+AND+(name+EQ+'host_create')`.
 */
import { listedAs, pages } from '@x/auth-core';
import { z } from 'zod';

/** The comparison operators of a `where` condition; `CP` matches a LIKE-style mask (`%` any run, `_` one character). */
export const WHERE_OPERATORS = ['EQ', 'NE', 'GT', 'GE', 'LT', 'LE', 'CP'] as const;
/** One comparison operator. */
export type WhereOperator = (typeof WHERE_OPERATORS)[number];

/** A value compared in a condition: text is quoted and escaped, numbers and booleans are sent bare. */
export type WhereValue = string | number | boolean;

/** `field OP value`; `field` may name a nested field with dots (`cluster.name`, `account.id`). */
export interface WhereCondition {
  field: string;
  op: WhereOperator;
  value: WhereValue;
}

/** A filter tree: a condition, or AND / OR of several trees, or NOT of one. */
export type Where = WhereCondition | { and: Where[] } | { or: Where[] } | { not: Where };

/** Sort order of one field. */
export interface OrderBy {
  field: string;
  direction?: 'asc' | 'desc' | undefined;
}

/** A range of the filtered list: skip `offset` elements (numbering starts at 0), return at most `count`. */
export interface Limit {
  offset: number;
  count: number;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

const FieldName = z
  .string()
  .regex(FIELD, 'must be a field name such as `name` or `cluster.name` (letters, digits, _ and dots)')
  .max(100);

const ConditionSchema = z.strictObject({
  field: FieldName.describe('Field to compare, e.g. `name`, `state`, `cluster.name`, `account.id`'),
  op: z
    .enum(WHERE_OPERATORS)
    .describe('EQ equal, NE not equal, GT/GE/LT/LE greater/less (or equal), CP LIKE mask with % and _'),
  value: z
    .union([z.string().max(1000), z.number().finite(), z.boolean()])
    .describe('Value to compare with; text is quoted and escaped automatically'),
});

/** The JSON form of a {@link Where} tree (recursive). */
export const WhereSchema: z.ZodType<Where> = z.union([
  ConditionSchema,
  z.strictObject({
    get and() {
      return z.array(WhereSchema).min(1).max(50).describe('All of these must hold');
    },
  }),
  z.strictObject({
    get or() {
      return z.array(WhereSchema).min(1).max(50).describe('At least one of these must hold');
    },
  }),
  z.strictObject({
    get not() {
      return WhereSchema.describe('This must not hold');
    },
  }),
]);

const OrderBySchema = z.strictObject({
  field: FieldName.describe('Field to sort by, e.g. `id`, `name`, `cluster.name`'),
  direction: z.enum(['asc', 'desc']).optional().describe('asc (default) or desc'),
});

const LimitSchema = z.strictObject({
  offset: z.int().min(0).describe('Elements to skip; numbering starts at 0'),
  count: z.int().min(1).max(100_000).describe('At most this many elements'),
});

/** The input fields every list endpoint accepts. */
export const listFilterShape = {
  // Listed compactly: the full recursive tree costs ~500 tokens in each of the dozen list tools, while the
  // description below carries the same grammar; zod still validates the whole tree on every call.
  where: listedAs(
    z
      .union([
        WhereSchema,
        z
          .string()
          .min(1)
          .max(4000)
          .describe(
            "A raw expression in VMmanager syntax with spaces, e.g. (name EQ 'web') AND (state EQ 'active')",
          ),
      ])
      .optional()
      .describe(
        'Filter: a tree such as {"and":[{"field":"name","op":"CP","value":"web%"},{"field":"state","op":"EQ","value":"active"}]} or a raw expression string',
      ),
    // Listed as the tree only (the raw string form is still accepted): 41 tokens instead of 70, on 12 tools.
    {
      type: 'object',
      description: '{field,op,value}, op EQ NE GT GE LT LE CP(LIKE); combine in {and:[]} {or:[]} {not:{}}',
    },
  ),
  orderby: listedAs(
    z
      .union([OrderBySchema, z.array(OrderBySchema).min(1).max(5)])
      .optional()
      .describe('Sort order; without it the list is sorted by id ascending'),
    // Listed as one key (a list of up to 5 is still accepted); without it the list is sorted by id.
    { type: 'object', description: '{field, direction: asc|desc}' },
  ),
  // Listed compactly too: the two described integers cost ~75 tokens in each list tool.
  limit: pages(
    listedAs(LimitSchema.optional().describe('Return only a range of the filtered list'), {
      type: 'object',
      description: '{offset, count}',
    }),
  ),
};

/** The filter fields of a list call. */
export interface ListFilter {
  where?: Where | string | undefined;
  orderby?: OrderBy | readonly OrderBy[] | undefined;
  limit?: Limit | undefined;
}

/**
 * Quotes a text value: single quotes around it, a backslash before every `\` and `'` inside. The VMmanager
 * document only says "put text values in single quotes"; backslash escaping is our documented decision.
 */
export function quoteText(value: string): string {
  return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

function valueText(value: WhereValue): string {
  if (typeof value === 'string') return quoteText(value);
  return String(value);
}

function expression(node: Where, top: boolean): string {
  if ('field' in node) return `(${node.field} ${node.op} ${valueText(node.value)})`;
  if ('not' in node) return `NOT ${expression(node.not, false)}`;
  const [operator, children] = 'and' in node ? ['AND', node.and] : ['OR', node.or];
  if (children.length === 1 && children[0]) return expression(children[0], top);
  const joined = children.map((child) => expression(child, false)).join(` ${operator} `);
  // The document writes a top-level AND without outer brackets; nested groups need them.
  return top ? joined : `(${joined})`;
}

/** The `where` expression of a tree, with spaces, e.g. `(name EQ 'web') AND (cpu_number GT 2)`. */
export function whereText(where: Where | string): string {
  return typeof where === 'string' ? where : expression(where, true);
}

/** The `orderby` text, e.g. `cluster.name desc`. */
export function orderByText(orderby: OrderBy | readonly OrderBy[]): string {
  const list: readonly OrderBy[] = Array.isArray(orderby) ? orderby : [orderby as OrderBy];
  return list.map((entry) => `${entry.field} ${entry.direction ?? 'asc'}`).join(',');
}

/**
 * URL-encodes one filter parameter the way the document writes it: spaces as `+`, and `'`, `(`, `)` and `,`
 * literal; everything else (a `+`, `&`, `%` or `#` inside a value) percent-encoded.
 */
export function encodeFilterParam(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+').replace(/%2C/gi, ',');
}

/** The query string (without `?`) of a filter, e.g. `where=(id+EQ+1)&orderby=name+desc&limit=0,50`. */
export function filterQuery(filter: ListFilter): string {
  const parts: string[] = [];
  if (filter.where !== undefined) parts.push(`where=${encodeFilterParam(whereText(filter.where))}`);
  if (filter.orderby !== undefined) parts.push(`orderby=${encodeFilterParam(orderByText(filter.orderby))}`);
  if (filter.limit !== undefined) parts.push(`limit=${filter.limit.offset},${filter.limit.count}`);
  return parts.join('&');
}

const condition =
  (op: WhereOperator) =>
  (field: string, value: WhereValue): WhereCondition => ({ field, op, value });

/**
 * Builds {@link Where} trees for TypeScript callers; the result is plain data, accepted by every list endpoint.
 * @example
 * ```ts
 * const { and, eq, cp } = where;
 * await vm.host.list({ where: and(cp('name', "web%"), eq('state', 'active')), limit: { offset: 0, count: 50 } });
 * ```
 */
export const where = {
  eq: condition('EQ'),
  ne: condition('NE'),
  gt: condition('GT'),
  ge: condition('GE'),
  lt: condition('LT'),
  le: condition('LE'),
  /** LIKE-style mask: `%` any run of characters, `_` one character. */
  cp: condition('CP'),
  and: (...children: Where[]): Where => ({ and: children }),
  or: (...children: Where[]): Where => ({ or: children }),
  not: (child: Where): Where => ({ not: child }),
} as const;
