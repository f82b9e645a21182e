import type { CallToolResult } from '@modelcontextprotocol/server';
import { isXError, type Redactor } from '@x/auth-core';

/** Default cap on a result's text, in characters (about 6k tokens; Claude Code warns at 10k, stops at 25k). */
export const DEFAULT_MAX_RESULT_CHARS = 25_000;

interface Truncation {
  omitted: number;
  kept: number;
  path: string;
}

/** Finds the largest array within a few levels, the usual culprit of an oversized answer. */
function largestArray(value: unknown, path = '$', depth = 0): { array: unknown[]; path: string } | undefined {
  let best: { array: unknown[]; path: string } | undefined;
  if (Array.isArray(value)) best = { array: value, path };
  if (depth < 4 && value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = largestArray(
        item,
        Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`,
        depth + 1,
      );
      if (found && (!best || found.array.length > best.array.length)) best = found;
    }
  }
  return best;
}

function replaceAt(root: unknown, target: unknown[], replacement: unknown[]): unknown {
  if (root === target) return replacement;
  if (Array.isArray(root)) return root.map((item) => replaceAt(item, target, replacement));
  if (root && typeof root === 'object') {
    return Object.fromEntries(
      Object.entries(root).map(([key, item]) => [key, replaceAt(item, target, replacement)]),
    );
  }
  return root;
}

/**
 * Cuts the longest strings (a 5 MiB vendor message, a huge field) until the payload fits, keeping its shape
 * so an error still has its kind, vendor and hint. Undefined when cutting strings is not enough.
 */
function cutLongStrings(
  payload: Record<string, unknown>,
  maxChars: number,
): Record<string, unknown> | undefined {
  let current: unknown = payload;
  for (let round = 0; round < 16; round++) {
    const size = JSON.stringify(current).length;
    if (size <= maxChars) return current as Record<string, unknown>;
    let longest = '';
    const visit = (value: unknown, depth: number) => {
      if (typeof value === 'string') {
        if (value.length > longest.length) longest = value;
      } else if (value && typeof value === 'object' && depth < 8) {
        for (const item of Object.values(value)) visit(item, depth + 1);
      }
    };
    visit(current, 0);
    // JSON escaping can make a string longer than its length: cut generously. When this string alone
    // cannot absorb the excess, keep its head and let the next round take the next longest.
    if (longest.length <= 200) return undefined;
    const keep = Math.max(100, longest.length - (size - maxChars) * 2 - 200);
    const replacement = `${longest.slice(0, keep)}… [cut: ${longest.length - keep} of ${longest.length} characters]`;
    const target = longest;
    const swap = (value: unknown, depth: number): unknown => {
      if (value === target) return replacement;
      if (Array.isArray(value)) return depth < 8 ? value.map((item) => swap(item, depth + 1)) : value;
      if (value && typeof value === 'object' && depth < 8) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swap(item, depth + 1)]));
      }
      return value;
    };
    current = swap(current, 0);
  }
  return JSON.stringify(current).length <= maxChars ? (current as Record<string, unknown>) : undefined;
}

/**
 * Fits a payload into `maxChars` of JSON: first by keeping a prefix of its largest array (with an explicit
 * `_truncated` marker saying how to narrow the call), then, if a single value is still too big, by cutting
 * the text.
 */
export function fitPayload(
  payload: Record<string, unknown>,
  maxChars: number,
  narrowing = 'Narrow the call (filters, a smaller limit, a specific id) to see the rest.',
): Record<string, unknown> {
  if (JSON.stringify(payload).length <= maxChars) return payload;
  const found = largestArray(payload);
  if (found && found.array.length > 1) {
    let low = 0;
    let high = found.array.length;
    let best: Record<string, unknown> | undefined;
    while (low <= high) {
      const keep = (low + high) >> 1;
      const truncation: Truncation = { kept: keep, omitted: found.array.length - keep, path: found.path };
      const candidate = {
        ...(replaceAt(payload, found.array, found.array.slice(0, keep)) as Record<string, unknown>),
        _truncated: {
          ...truncation,
          hint: `The answer was too long. ${narrowing}`,
        },
      };
      if (JSON.stringify(candidate).length <= maxChars) {
        best = candidate;
        low = keep + 1;
      } else high = keep - 1;
    }
    if (best) return best;
  }
  const marked = {
    ...payload,
    _truncated: {
      cut_strings: true,
      hint: 'A value was too long and was cut where it says [cut: ...]. Narrow the call to see the rest.',
    },
  };
  const cut = cutLongStrings(marked, maxChars);
  if (cut) return cut;
  const text = JSON.stringify(payload);
  return {
    _truncated: {
      kept_chars: maxChars - 400,
      total_chars: text.length,
      hint: 'The answer was too long to return whole. Narrow the call to see the rest.',
    },
    partial_json: text.slice(0, maxChars - 400),
  };
}

/**
 * What is returned when redaction itself failed: nothing of the payload, since whatever it held could not be
 * made safe. The call may have run; the next call works normally.
 */
export function withheldResult(extra: Record<string, unknown> = {}): CallToolResult {
  const payload = {
    ...extra,
    error: {
      kind: 'internal',
      message:
        'The answer could not be checked for secrets, so it was withheld. The call may have been carried out: check with a read tool before repeating it.',
    },
  };
  return {
    isError: true,
    content: [{ type: 'text', text: JSON.stringify(payload) }],
    structuredContent: payload,
  };
}

/**
 * A successful tool result: structuredContent plus the same JSON, compact, as text. `mode` says what the
 * payload holds: `value` for what this server composed (previews: redacted by name and value), `data` for
 * a vendor answer (by value only: a vendor field named `key` is a license key, not a secret). Without a
 * redactor the payload was redacted by the caller.
 */
export function successResult(
  payload: Record<string, unknown>,
  maxChars: number,
  redactor: Redactor | undefined,
  mode: 'value' | 'data' = 'value',
  narrowing?: string,
): CallToolResult {
  let safe: Record<string, unknown>;
  try {
    // Redacted before fitting: fitting may cut the JSON text, and a secret cut in half keeps a head that
    // redaction no longer recognises.
    safe = !redactor
      ? payload
      : ((mode === 'data' ? redactor.data(payload) : redactor.value(payload)) as Record<string, unknown>);
  } catch {
    return withheldResult({ tool: payload.tool, account: payload.account });
  }
  const fitted = fitPayload(safe, maxChars, narrowing);
  return { content: [{ type: 'text', text: JSON.stringify(fitted) }], structuredContent: fitted };
}

/** The error fields an agent may see. */
const ERROR_FIELDS = [
  'kind',
  'vendor',
  'endpoint',
  'status',
  'code',
  'message',
  'vendorMessage',
  'hint',
  'issues',
  'retryAfterMs',
  'phase',
  'mayHaveReachedServer',
  'data',
] as const;

/**
 * What an agent needs to act on a failure; never a stack, never a secret. The vendor's own words stay in
 * `vendorMessage`: our `message` refers to them instead of splicing them into a sentence of ours, so vendor
 * text is never read as the server speaking.
 */
export function errorPayload(
  error: unknown,
  redactor: Redactor,
  hint?: string,
  hintWins = false,
): Record<string, unknown> {
  if (isXError(error)) {
    const fields = error.toJSON();
    const out: Record<string, unknown> = {};
    for (const key of ERROR_FIELDS) if (fields[key] !== undefined) out[key] = fields[key];
    // The error's own hint (a vendor codec knows its refusals best), else the server's next step; the server's
    // wins when it renders the error's own `remedy` data, which is more exact than the codec's words.
    if (hint !== undefined && (out.hint === undefined || hintWins)) out.hint = hint;
    const said = out.vendorMessage;
    if (typeof said === 'string' && said.length > 0 && typeof out.message === 'string') {
      out.message = out.message.split(said).join('(see vendorMessage)');
    }
    return redactor.value(out) as Record<string, unknown>;
  }
  // Not one of ours: a bug. Say what kind, without echoing internals that could hold anything.
  const name = error instanceof Error ? error.name : typeof error;
  return { kind: 'internal', message: `unexpected server error (${name}); nothing of it is shown` };
}

/**
 * A failed tool call as an `isError` result the model can read and act on, within `maxChars`. `hint`: the
 * next step, when the error carries none of its own (or in its place, with `hintWins`).
 */
export function errorResult(
  error: unknown,
  redactor: Redactor,
  extra: Record<string, unknown> = {},
  maxChars = DEFAULT_MAX_RESULT_CHARS,
  hint?: string,
  hintWins = false,
): CallToolResult {
  let described: Record<string, unknown>;
  try {
    described = errorPayload(error, redactor, hint, hintWins);
  } catch {
    return withheldResult(extra);
  }
  const payload = fitPayload({ ...extra, error: described }, maxChars);
  return {
    isError: true,
    content: [{ type: 'text', text: JSON.stringify(payload) }],
    structuredContent: payload,
  };
}
