import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';

/** A positive integer id (VMmanager sends ids as numbers, sometimes as strings: both are accepted). */
export const Id = z.coerce.number().int().positive();

/** An input id field. */
export function idField(what: string, from: string) {
  return z.int().positive().describe(`${what} id (from ${from})`);
}

/** A number the vendor may send as a string; empty and null become undefined. */
export const Num = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce.number().optional(),
);

/** Text the vendor may send as a number or null. */
export const Text = z.preprocess(
  (value) => (value === null ? undefined : typeof value === 'number' ? String(value) : value),
  z.string().optional(),
);

/** A consul task id as actions return it (`task`): a number or a numeric string. */
export const TaskRef = z.union([z.number(), z.string()]);

/** What every action answers: the object id and the task that carries out the change. */
export const ActionResult = z.looseObject({
  id: Num,
  task: TaskRef.optional().describe(`consul task id: pass it to ${ref('task.wait')}`),
});

/** A list answer `{ list: [...], size?, last_notify? }`. */
export function listOf<T extends z.ZodType>(element: T) {
  return z.looseObject({
    list: z.preprocess((value) => (value === null || value === undefined ? [] : value), z.array(element)),
    size: Num,
    last_notify: Num,
  });
}

/** A reference to another object (`cluster`, `node`, `account`, `os`): an object with an id, or just the id. */
export const Ref = z.preprocess(
  (value) => (typeof value === 'number' || typeof value === 'string' ? { id: value } : value),
  z.looseObject({ id: Num, name: Text }).nullish(),
);

/**
 * The `defer` option of resource and disk changes: apply the change at the next stop of the VM. Listed as a plain
 * object whose description gives the one accepted value (half the tokens of the full schema).
 */
export const Defer = listedAs(
  z
    .strictObject({
      action: z.enum(['host_stop']).describe('host_stop: apply when the VM is next stopped'),
    })
    .describe('Apply the change later instead of now (a running VM)'),
  { type: 'object', description: "{action:'host_stop'}: apply at the next stop of a running VM" },
);

/** A password the API accepts: 6 to 100 printable characters. */
export const Password = z
  .string()
  .min(6)
  .max(100)
  .regex(/^[\x20-\x7e]+$/, 'printable ASCII only');

/** An IPv4 address. */
export const Ipv4 = z.ipv4();

/** A domain name (for PTR records and VM domains). */
export const DomainName = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/,
    'must be a domain name such as vm1.example.com',
  );
