import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
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
 * Fits a payload into `maxChars` of JSON: first by keeping a prefix of its largest array (with an explicit
 * `_truncated` marker saying how to narrow the call), then, if a single value is still too big, by cutting
 * the text.
 */
export function fitPayload(payload: Record<string, unknown>, maxChars: number): Record<string, unknown> {
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
          hint: 'The answer was too long. Narrow the call (filters, a smaller limit, a specific id) to see the rest.',
        },
      };
      if (JSON.stringify(candidate).length <= maxChars) {
        best = candidate;
        low = keep + 1;
      } else high = keep - 1;
    }
    if (best) return best;
  }
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

/** A successful tool result: structuredContent plus the same JSON, compact, as text. */
export function successResult(
  payload: Record<string, unknown>,
  maxChars: number,
  redactor: Redactor,
): CallToolResult {
  // Redacted before fitting: fitting may cut the JSON text, and a secret cut in half keeps a head that
  // redaction no longer recognises.
  const fitted = fitPayload(redactor.value(payload) as Record<string, unknown>, maxChars);
  return { content: [{ type: 'text', text: JSON.stringify(fitted) }], structuredContent: fitted };
}

/** What an agent needs to act on a failure; never a stack, never a secret. */
export function errorPayload(error: unknown, redactor: Redactor): Record<string, unknown> {
  if (isXError(error)) {
    const fields = error.toJSON();
    const keep = [
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
    ];
    const out: Record<string, unknown> = {};
    for (const key of keep) if (fields[key] !== undefined) out[key] = fields[key];
    return redactor.value(out) as Record<string, unknown>;
  }
  // Not one of ours: a bug. Say so without echoing internals that could hold anything.
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: redactor.text(`unexpected server error: ${message}`) };
}

/** A failed tool call as an `isError` result the model can read and act on. */
export function errorResult(
  error: unknown,
  redactor: Redactor,
  extra: Record<string, unknown> = {},
): CallToolResult {
  const payload = { ...extra, error: errorPayload(error, redactor) };
  return {
    isError: true,
    content: [{ type: 'text', text: JSON.stringify(payload) }],
    structuredContent: payload,
  };
}
