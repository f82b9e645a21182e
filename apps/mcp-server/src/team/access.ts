import type { Account } from '../accounts.js';

/**
 * One rule of `"oauth": { "access": [...] }` in the config file: who it applies to (a scope in the token, or
 * a claim with a value) and what it grants (accounts, as `*`, `vendor/*` or `vendor/name`; read-only or not).
 */
export interface AccessRule {
  scope?: string;
  claim?: string;
  /** The claim's value, or one of its values when the claim is a list (`groups`). */
  equals?: string;
  accounts: string[];
  /** Only read tools on these accounts (default false: every enabled tool). */
  readOnly?: boolean;
}

/** What one person may do: per account (`vendor/name`), read only or read and write. */
export type Policy = ReadonlyMap<string, 'read' | 'write'>;

const accountKey = (account: Account) => `${account.vendor.id}/${account.name}`;

/**
 * Checks the rules of the config file against the configured accounts, so a typo in a rule stops startup
 * instead of silently granting nothing (or everything). Throws an Error naming the rule and the problem.
 */
export function parseAccessRules(
  raw: unknown,
  accounts: ReadonlyMap<string, readonly Account[]>,
): AccessRule[] {
  const where = '--config "oauth.access"';
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new Error(
      `--oauth-issuer needs ${where}: a list of rules such as {"scope": "x.read", "accounts": ["*"], "readOnly": true}`,
    );
  }
  const known = new Set([...accounts.values()].flat().map(accountKey));
  return raw.map((rule: unknown, index) => {
    const at = `${where}[${index}]`;
    if (rule === null || typeof rule !== 'object') throw new Error(`${at} must be an object`);
    const { scope, claim, equals, accounts: granted, readOnly, ...rest } = rule as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length > 0)
      throw new Error(
        `${at} has unknown fields: ${extra.join(', ')} (scope, claim, equals, accounts, readOnly)`,
      );
    const byScope = typeof scope === 'string' && scope !== '';
    const byClaim = typeof claim === 'string' && claim !== '' && typeof equals === 'string';
    if (byScope === byClaim || (byScope && (claim !== undefined || equals !== undefined))) {
      throw new Error(`${at} must match by exactly one of "scope", or "claim" with "equals"`);
    }
    if (!Array.isArray(granted) || granted.length === 0 || granted.some((item) => typeof item !== 'string')) {
      throw new Error(`${at}.accounts must be a non-empty list of "*", "vendor/*" or "vendor/name"`);
    }
    for (const pattern of granted as string[]) {
      if (pattern === '*') continue;
      const [vendor, name, more] = pattern.split('/');
      const matches =
        more === undefined &&
        vendor !== undefined &&
        name !== undefined &&
        [...known].some((key) => (name === '*' ? key.startsWith(`${vendor}/`) : key === pattern));
      if (!matches) {
        throw new Error(
          `${at}.accounts: "${pattern}" names no configured account (configured: ${[...known].join(', ') || 'none'})`,
        );
      }
    }
    if (readOnly !== undefined && typeof readOnly !== 'boolean')
      throw new Error(`${at}.readOnly must be true or false`);
    return {
      ...(byScope ? { scope: scope as string } : { claim: claim as string, equals: equals as string }),
      accounts: granted as string[],
      readOnly: readOnly === true,
    };
  });
}

/** Whether a rule applies to a token with these scopes and claims. */
function applies(rule: AccessRule, scopes: readonly string[], claims: Record<string, unknown>): boolean {
  if (rule.scope !== undefined) return scopes.includes(rule.scope);
  const value = claims[rule.claim as string];
  return Array.isArray(value) ? value.includes(rule.equals) : value === rule.equals;
}

/**
 * The policy of one person: the union of every rule that applies (an account granted writable by one rule
 * and read-only by another is writable). Empty when no rule applies: such a token gets no tools at all.
 */
export function policyOf(
  rules: readonly AccessRule[],
  accounts: ReadonlyMap<string, readonly Account[]>,
  scopes: readonly string[],
  claims: Record<string, unknown>,
): Policy {
  const policy = new Map<string, 'read' | 'write'>();
  const all = [...accounts.values()].flat().map(accountKey);
  for (const rule of rules) {
    if (!applies(rule, scopes, claims)) continue;
    for (const pattern of rule.accounts) {
      const [vendor, name] = pattern.split('/');
      for (const key of all) {
        const hit = pattern === '*' || (name === '*' ? key.startsWith(`${vendor}/`) : key === pattern);
        if (!hit) continue;
        if (!rule.readOnly) policy.set(key, 'write');
        else if (!policy.has(key)) policy.set(key, 'read');
      }
    }
  }
  return policy;
}

/** A policy's stable identity, for caching one registry view per distinct policy. */
export function policyKey(policy: Policy): string {
  return [...policy]
    .map(([key, mode]) => `${key}=${mode}`)
    .sort()
    .join(',');
}

/** The accounts of a tool's vendor a policy lets this tool use: reads on any granted one, writes on writable. */
export function allowedAccounts(
  policy: Policy,
  accounts: readonly Account[],
  writes: boolean,
): readonly Account[] {
  return accounts.filter((account) => {
    const mode = policy.get(accountKey(account));
    return mode === 'write' || (mode === 'read' && !writes);
  });
}
