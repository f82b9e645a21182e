import { fieldRefs, isXError, walkCatalog } from '@x/auth-core';
import { collisionsOf, vendorPath } from './collisions.js';
import { refToolName, type ToolSpec } from './tools.js';

/*
 * The next step an isError result suggests. Where a value comes from is read from the catalog's
 * cross-references (auth-core `ref`, `fieldRefs`), never guessed from field or tool names, so a hint can only
 * name a tool that exists and does give that value.
 */

/** At most this many fields are named in one hint: a model acts on the first few anyway. */
const MAX_HINTED_FIELDS = 3;

/** `ips[0].pool` → `['ips', 0, 'pool']` (the path as an InputError issue writes it). */
function pathKeys(path: string): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [];
    if (match[1]) keys.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

/** The tools that give a value for the field at `path` of the tool's input, as its description declares. */
export function sourcesOf(tool: ToolSpec, path: string): string[] {
  // A vendor field listed under another name (a control field has its name) is looked up by its own name.
  const keys = pathKeys(vendorPath(path, collisionsOf(tool)));
  if (keys.length === 0) return [];
  return fieldRefs(tool.entry.endpoint.input, keys).map(refToolName(tool.vendor.id));
}

function withSources(tool: ToolSpec, path: string, text: string): string {
  const sources = sourcesOf(tool, path);
  return sources.length > 0 ? `${text} (from ${sources.join(' or ')})` : text;
}

/** A hint for the issues of an input error on a vendor tool: which field to add, remove or look up. */
function inputHint(tool: ToolSpec, issues: readonly { path: string; message: string }[]): string | undefined {
  const steps: string[] = [];
  for (const issue of issues.slice(0, MAX_HINTED_FIELDS)) {
    if (issue.message.startsWith('required')) steps.push(withSources(tool, issue.path, `add ${issue.path}`));
    else if (issue.message.startsWith('unknown field')) steps.push(`remove ${issue.path}`);
    else {
      const sources = sourcesOf(tool, issue.path);
      if (sources.length > 0) steps.push(`take ${issue.path} from ${sources.join(' or ')}`);
    }
  }
  if (steps.length === 0) return undefined;
  const text = steps.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}, then call ${tool.name} again.`;
}

/** The fields the call passed whose values come from a list tool: where to check an id the vendor refused. */
function lookupHint(tool: ToolSpec, input: Record<string, unknown> | undefined): string | undefined {
  if (!input) return undefined;
  const checks: string[] = [];
  for (const field of Object.keys(input).slice(0, 50)) {
    const sources = sourcesOf(tool, field);
    if (sources.length > 0) checks.push(`${field} with ${sources.join(' or ')}`);
    if (checks.length >= MAX_HINTED_FIELDS) break;
  }
  return checks.length > 0 ? `Check ${checks.join(', ')}.` : undefined;
}

/**
 * The next step a vendor error names as data (`remedy`: an endpoint of the same catalog and why), rendered as
 * that endpoint's tool name. It wins over the codec's worded hint, which can only say "the matching list".
 * A remedy naming an endpoint the catalog does not have is ignored rather than rendered as a tool that
 * does not exist.
 */
export function remedyHint(tool: ToolSpec, error: unknown): string | undefined {
  try {
    if (!isXError(error) || !error.remedy) return undefined;
    const { endpoint, action } = error.remedy;
    if (!walkCatalog(tool.vendor.catalog).some((entry) => entry.id === endpoint)) return undefined;
    const name = refToolName(tool.vendor.id)(endpoint);
    switch (action) {
      case 'look-up':
        return `Take the id from ${name}, then call ${tool.name} again.`;
      case 'call-again':
        return `Call ${name} again with the same arguments to keep waiting.`;
      case 'create':
        return `Create a new one with ${name}, then call ${tool.name} again.`;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * The next step for a failed call of `tool`, or undefined when nothing the caller can do would help. An
 * error's own hint (a vendor codec's) is kept by the result; this is asked only when there is none.
 *
 * @param input - the vendor arguments of the call (without the control fields)
 */
export function hintFor(tool: ToolSpec, error: unknown, input?: Record<string, unknown>): string | undefined {
  try {
    return nextStep(tool, error, input);
  } catch {
    // A hint is a courtesy: whatever a hostile input does to the lookup, the refusal itself still goes out.
    return undefined;
  }
}

function nextStep(tool: ToolSpec, error: unknown, input?: Record<string, unknown>): string | undefined {
  if (!isXError(error)) return undefined;
  const fields = error.toJSON();
  switch (error.kind) {
    case 'input': {
      const issues = (fields.issues as { path: string; message: string }[] | undefined) ?? [];
      return inputHint(tool, issues);
    }
    case 'not-found':
      return lookupHint(tool, input) ?? 'Check the ids with the matching list tool.';
    case 'api':
      return lookupHint(tool, input);
    case 'auth':
      return 'The account credentials were refused: the server operator must fix them; retrying will not help.';
    case 'rate-limit': {
      const wait =
        typeof fields.retryAfterMs === 'number' ? Math.ceil(fields.retryAfterMs / 1000) : undefined;
      return wait ? `Wait ${wait} s, then retry the same call.` : 'Wait a little, then retry the same call.';
    }
    case 'transport':
    case 'timeout':
      return fields.mayHaveReachedServer === false || !tool.mutating
        ? 'Retry the same call.'
        : 'The change may have been carried out: check with a read tool before repeating it.';
    case 'response-format':
      return tool.mutating
        ? 'The vendor answered in an unexpected shape; the change may have been made: check with a read tool.'
        : 'The vendor answered in an unexpected shape; retrying will not help.';
    case 'config':
      return 'The server configuration must be fixed by its operator; retrying will not help.';
    default:
      return undefined;
  }
}
