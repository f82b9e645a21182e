import { ref } from '@x/auth-core';
import { z } from 'zod';
import { label, numericId } from '../schemas/input.js';
import { Ack, idString, listOf, num } from '../schemas/output.js';
import { Plan, regionList, Script, SshKey } from '../schemas/resources.js';
import { lunanodeAction } from './define.js';

/** The `plan` category. */
export const plan = {
  list: lunanodeAction(
    { category: 'plan', action: 'list' },
    {
      summary: 'List the VM plans: RAM (MB), vCPUs, storage (GB), bandwidth (GB), hourly price.',
      input: z.strictObject({}),
      output: z.looseObject({ plans: listOf(Plan, 'plan_id') }),
      effect: 'read',
    },
  ),
};

/** The `region` category. */
export const region = {
  list: lunanodeAction(
    { category: 'region', action: 'list' },
    {
      summary: 'List the regions as { region, name } pairs.',
      input: z.strictObject({}),
      output: z.looseObject({ regions: regionList }),
      effect: 'read',
    },
  ),
};

/** The `script` category: startup scripts. */
export const script = {
  list: lunanodeAction(
    { category: 'script', action: 'list' },
    {
      summary: 'List the startup scripts.',
      input: z.strictObject({}),
      output: z.looseObject({ scripts: listOf(Script, 'id') }),
      effect: 'read',
    },
  ),
  create: lunanodeAction(
    { category: 'script', action: 'create' },
    {
      summary: 'Create a startup script (shell script or cloud-config).',
      input: z.strictObject({
        name: label('Script name'),
        content: z.string().min(1).max(65_536).describe('Script content (any text)'),
      }),
      output: z.looseObject({ script_id: idString.optional() }),
      effect: 'create',
    },
  ),
};

/** The keys of sshkey/list arrive as top-level members next to `success`; this gathers them in `keys`. */
const sshKeyList = z.preprocess(
  (value) => {
    const entries =
      value !== null && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
    const keys = entries
      .filter(([, entry]) => entry !== null && typeof entry === 'object' && !Array.isArray(entry))
      .map(([key, entry]) => ({ id: key, ...(entry as object) }));
    return { keys };
  },
  z.object({ keys: z.array(SshKey) }),
);

/** The `sshkey` category. */
export const sshkey = {
  list: lunanodeAction(
    { category: 'sshkey', action: 'list' },
    {
      summary: 'List the SSH public keys of the account.',
      input: z.strictObject({}),
      output: sshKeyList,
      effect: 'read',
    },
  ),
  add: lunanodeAction(
    { category: 'sshkey', action: 'add' },
    {
      summary: 'Add an SSH public key.',
      input: z.strictObject({
        label: label('Key name'),
        sshkey: z
          .string()
          .trim()
          .max(16_384)
          .regex(
            /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/,
            'must be an OpenSSH public key line such as "ssh-ed25519 AAAA... comment"',
          )
          .describe('OpenSSH public key line'),
      }),
      output: z.looseObject({ key_id: idString.optional() }),
      effect: 'create',
    },
  ),
  remove: lunanodeAction(
    { category: 'sshkey', action: 'remove' },
    {
      summary: 'Delete an SSH public key.',
      input: z.strictObject({ key_id: numericId(`From ${ref('sshkey.list')}`) }),
      output: Ack,
      effect: 'delete',
    },
  ),
};

/** The `billing` category. */
export const billing = {
  credit: lunanodeAction(
    { category: 'billing', action: 'credit' },
    {
      summary: 'Show the account credit balance (USD).',
      input: z.strictObject({}),
      output: z.looseObject({ credit: num }),
      effect: 'read',
    },
  ),
};
