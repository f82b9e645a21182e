import { InputError, isXError } from '@x/auth-core';
import type { ToolSpec } from './tools.js';
import { objectShape } from './zod-shape.js';

/*
 * The server's control fields (account, dry_run, confirmation_token, and the paging fields it adds) keep their
 * names on every tool: the instructions explain them once, and a model learns one vocabulary for hundreds of
 * tools. Vendor inputs keep the vendor's names (VMmanager's owner is `account`). Where the two meet on one
 * tool, the listing shows the vendor field as `vendor_<name>` and the server maps it back before validation
 * and in every error, so the vendor packages never bend their names to this server.
 */

/** The prefix a colliding vendor field is listed under. */
export const VENDOR_PREFIX = 'vendor_';

/** Control fields of one tool call, whatever the tool. */
export const CALL_CONTROL_FIELDS = ['account', 'dry_run', 'confirmation_token'] as const;

const collisions = new WeakMap<ToolSpec, ReadonlyMap<string, string>>();

/**
 * Vendor field → listed name, for the fields of this tool that a control field would shadow. Computed once
 * per tool: the listing, every call and every hint ask for it.
 */
export function collisionsOf(tool: ToolSpec): ReadonlyMap<string, string> {
  let renamed = collisions.get(tool);
  if (!renamed) {
    const fields = Object.keys(objectShape(tool.entry.endpoint.input) ?? {});
    renamed = new Map(
      fields
        .filter((field) => (CALL_CONTROL_FIELDS as readonly string[]).includes(field))
        .map((field) => [field, `${VENDOR_PREFIX}${field}`]),
    );
    collisions.set(tool, renamed);
  }
  return renamed;
}

/** The vendor input as the endpoint names it: `vendor_account` becomes `account`. */
export function toVendorInput(
  input: Record<string, unknown>,
  renamed: ReadonlyMap<string, string>,
): Record<string, unknown> {
  if (renamed.size === 0) return input;
  const out: Record<string, unknown> = { ...input };
  for (const [field, listed] of renamed) {
    if (Object.hasOwn(out, listed)) {
      out[field] = out[listed];
      delete out[listed];
    }
  }
  return out;
}

/** `path` with its first segment `from` replaced by `to`, or undefined when it does not start with `from`. */
function swapHead(path: string, from: string, to: string): string | undefined {
  return path === from || path.startsWith(`${from}.`) || path.startsWith(`${from}[`)
    ? `${to}${path.slice(from.length)}`
    : undefined;
}

/** A field path of the vendor input, as the listing names it. */
function listedPath(path: string, renamed: ReadonlyMap<string, string>): string {
  for (const [field, listed] of renamed) {
    const swapped = swapHead(path, field, listed);
    if (swapped !== undefined) return swapped;
  }
  return path;
}

/** A field path as the listing names it, as the vendor input names it: `vendor_account` → `account`. */
export function vendorPath(path: string, renamed: ReadonlyMap<string, string>): string {
  for (const [field, listed] of renamed) {
    const swapped = swapHead(path, listed, field);
    if (swapped !== undefined) return swapped;
  }
  return path;
}

/** An input error of the vendor input, with the paths (and the message quoting them) as the listing names them. */
export function toListedError(error: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (renamed.size === 0 || !isXError(error) || !(error instanceof InputError)) return error;
  const issues = error.issues.map((issue) => ({ ...issue, path: listedPath(issue.path, renamed) }));
  let message = error.message;
  for (const [index, issue] of error.issues.entries()) {
    const listed = issues[index]?.path;
    if (listed && listed !== issue.path) {
      for (const sep of [': ', '; '])
        message = message.split(`${sep}${issue.path}: `).join(`${sep}${listed}: `);
    }
  }
  return new InputError(message, { vendor: error.vendor, endpoint: error.endpoint, issues });
}
