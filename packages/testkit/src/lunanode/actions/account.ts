import { type ActionTable, fail, remove } from '../params.js';
import { nextId } from '../state.js';

/** `plan`, `region`, `script`, `sshkey` and `billing`. */
export const planActions: ActionTable = {
  list: ({ state }) => ({
    plans: state.plans.map((plan) => ({
      ...plan,
      price_nice: `$${plan.price}`,
      metadata_json: typeof plan.metadata === 'string' ? '' : JSON.stringify(plan.metadata),
    })),
  }),
};

export const regionActions: ActionTable = {
  // A map of name to display name, not an array.
  list: ({ state }) => ({ regions: { ...state.regions } }),
};

export const scriptActions: ActionTable = {
  list: ({ state }) => ({ scripts: state.scripts.map((script) => ({ ...script })) }),
  create: (ctx) => {
    ctx.params.require('name', 'content');
    const id = nextId(ctx.state);
    ctx.state.scripts.push({ id, name: ctx.params.get('name'), content: ctx.params.get('content') });
    return { script_id: id };
  },
};

export const sshKeyActions: ActionTable = {
  // The keys are top-level members of the answer, next to `success`, keyed by id.
  list: ({ state }) => Object.fromEntries(state.sshKeys.map((key) => [key.id, { ...key }])),
  add: (ctx) => {
    ctx.params.require('label', 'sshkey');
    const value = ctx.params.get('sshkey');
    if (!/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+/.test(value)) {
      fail('invalid SSH public key');
    }
    const id = nextId(ctx.state);
    ctx.state.sshKeys.push({ id, name: ctx.params.get('label'), value });
    return { key_id: id };
  },
  remove: (ctx) => {
    const id = ctx.params.get('key_id');
    remove(ctx.state.sshKeys, (key) => key.id === id, 'key');
    return {};
  },
};

export const billingActions: ActionTable = {
  credit: ({ state }) => ({ credit: state.credit.toFixed(8) }),
};
