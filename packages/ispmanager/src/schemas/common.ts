import { listedAs, pages } from '@x/auth-core';
import { z } from 'zod';

/** Control characters (a newline would end a log line or split a form value). */
function hasControl(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** A panel object id (`elid`): a user name, a domain, `db->server`, a record key. No commas: they separate ids. */
export const ElementId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^,]+$/, 'must not contain commas (they separate the ids of a group action)')
  .refine((id) => !hasControl(id), 'must not contain control characters');

/**
 * One id or several: group actions take them joined with ", ". Listed compactly (the full string rules would
 * appear twice in every group-action tool); zod still validates every id.
 */
export function ids(what: string) {
  return listedAs(z.union([ElementId, z.array(ElementId).min(1).max(500)]).describe(what), {
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 500 }],
    description: what,
  });
}

/** A panel user name (`user.edit name=`). */
export const UserName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'letters, digits, "_", "." and "-", not starting with "." or "-"');

/** A DNS name (no trailing dot; the panel adds it). */
export const DomainName = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^(?=.{1,253}$)(?!-)[A-Za-z0-9_*-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9_-]{1,63}(?<!-))*\.?$/,
    'a domain name such as example.com',
  )
  .refine((name) => !name.endsWith('..'), 'must not end with ".."');

/** An IPv4 or IPv6 address. */
export const IpAddress = z.union([z.ipv4(), z.ipv6()]);

/** A password: the panel takes any characters; `&`, `#`, `+`, `:` are form-encoded. */
export const Password = z.string().min(1).max(256);

/** A mailbox or admin address. */
export const EmailAddress = z.email().max(254);

/**
 * Page of a list: `p_num` from 1, `p_cnt` elements per page (default: the panel's setting). Listed with short
 * descriptions and no bounds (zod still checks them): on 13 list tools the full form cost ~25 tokens each.
 */
export const pagingFields = {
  p_num: pages(
    listedAs(z.number().int().min(1).optional().describe('page number (default 1)'), {
      type: 'integer',
      description: 'page, from 1',
    }),
  ),
  p_cnt: pages(
    listedAs(z.number().int().min(1).max(10_000).optional().describe('page size (default: panel setting)'), {
      type: 'integer',
      description: 'page size',
    }),
  ),
};

/** A space-separated list (aliases, name servers): an array joined with spaces. */
export function spaceList<T extends z.ZodType<string>>(item: T, describe: string) {
  return z
    .array(item)
    .max(100)
    .transform((items) => items.join(' '))
    .describe(describe);
}

/** Discriminates create from edit on the same `.edit` function. */
export const Mode = z.enum(['create', 'edit']).describe('edit needs elid');

/**
 * The input of a `.edit` function: `mode` says create or edit, `elid` is required for edit and refused for
 * create, and the `required` fields must be present on create (on edit, absent fields keep their value).
 */
export function editInput<S extends z.ZodRawShape>(options: {
  elid: string;
  fields: S;
  required: readonly (keyof S & string)[];
}) {
  return z
    .strictObject({
      mode: Mode,
      // Listed as a plain string: an id from a list never hits the length or comma rules.
      elid: listedAs(ElementId.optional().describe(`edit only: ${options.elid}`), {
        type: 'string',
        description: `edit only: ${options.elid}`,
      }),
      ...options.fields,
    })
    .superRefine((input, ctx) => {
      const record = input as Record<string, unknown>;
      if (record.mode === 'edit' && record.elid === undefined) {
        ctx.addIssue({ code: 'custom', path: ['elid'], message: 'required when mode is "edit"' });
      }
      if (record.mode === 'create') {
        if (record.elid !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['elid'], message: 'not allowed when mode is "create"' });
        }
        for (const name of options.required) {
          if (record[name] === undefined) {
            ctx.addIssue({ code: 'custom', path: [name], message: 'required when mode is "create"' });
          }
        }
      }
    });
}
