import type { Account } from '../accounts.js';
import { buildInstructions } from '../instructions.js';
import { type ServerContext, ToolRegistry } from '../server.js';
import type { ToolSpec } from '../tools.js';
import { allowedAccounts, type Policy, policyKey } from './access.js';

/** A tool that changes something or mints a credential needs a writable account. */
const writes = (tool: ToolSpec) => tool.mutating || tool.credential;

/** The most distinct policies kept; rules are few, so this is only a bound against a pathological config. */
const MAX_VIEWS = 256;

/**
 * Per-person views of one registry: the tools and accounts a policy allows, as a registry of their own (its
 * tools/list, instructions and account enums computed once per distinct policy, not per request). A read-only
 * policy gets read tools only; a tool lists, and accepts, only the accounts the person may use with it.
 */
export class PolicyViews {
  readonly #views = new Map<string, ToolRegistry>();
  constructor(readonly base: ToolRegistry) {}

  /** The registry this policy sees. */
  registryFor(policy: Policy): ToolRegistry {
    const key = policyKey(policy);
    const cached = this.#views.get(key);
    if (cached) return cached;
    const registry = new ToolRegistry(this.#context(policy));
    if (this.#views.size >= MAX_VIEWS) this.#views.clear();
    this.#views.set(key, registry);
    return registry;
  }

  #context(policy: Policy): ServerContext {
    const base = this.base.context;
    const per = new Map<ToolSpec, readonly Account[]>();
    for (const tool of base.tools) {
      per.set(tool, allowedAccounts(policy, base.accounts.get(tool.vendor.id) ?? [], writes(tool)));
    }
    const tools = base.tools.filter((tool) => (per.get(tool) ?? []).length > 0);
    const accounts = new Map<string, readonly Account[]>();
    for (const [vendor, list] of base.accounts) {
      const readable = allowedAccounts(policy, list, false);
      if (readable.length > 0) accounts.set(vendor, readable);
    }
    const readOnly = base.readOnly === true || ![...policy.values()].includes('write');
    return {
      ...base,
      tools,
      accounts,
      readOnly,
      // A tool outside the view (another person's) has no accounts here, so a call of it is refused.
      accountsFor: (tool) => per.get(tool) ?? [],
      instructions: buildInstructions({ ...base, tools, accounts, readOnly }),
    };
  }
}
