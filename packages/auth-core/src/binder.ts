import type { z } from 'zod';
import { type Catalog, type Endpoint, isEndpoint } from './endpoint.js';
import { type FieldIssue, InputError, isXError, ResponseFormatError } from './errors.js';
import { Redactor } from './redact.js';
import { EXCERPT_CHARS } from './refusals.js';

/** Per-call options every client method accepts as its last argument. */
export interface CallOptions {
  /** Aborts the call; the method rejects with an AbortError. */
  signal?: AbortSignal | undefined;
  /** Overall deadline for this call including retries, in ms (overrides the client default). */
  deadlineMs?: number | undefined;
  /** Attempts for this call including the first (1 disables retries). */
  maxAttempts?: number | undefined;
  /**
   * Long operations (waits that poll a task or a VM) call this after each poll that did not end them; other
   * calls ignore it. It must not throw (an exception is ignored) and should return quickly.
   */
  onProgress?: ((progress: WaitProgress) => void) | undefined;
}

/** How far a long operation has come, as {@link CallOptions.onProgress} reports it. */
export interface WaitProgress {
  /** Time since the wait started, in ms. */
  elapsedMs: number;
  /** Polls made so far. */
  attempts: number;
  /** The vendor's last status of the thing waited for (`running`, `build`, ...), once it was seen. */
  status?: string | undefined;
}

/** A bound method: input typed by the zod input schema, result by the zod output schema. */
export type Method<I extends z.ZodType, O extends z.ZodType, Options extends CallOptions = CallOptions> =
  Record<string, never> extends z.input<I>
    ? (input?: z.input<I>, options?: Options) => Promise<z.output<O>>
    : (input: z.input<I>, options?: Options) => Promise<z.output<O>>;

/** A catalog turned into nested, fully typed async methods. */
export type BoundCatalog<C, Options extends CallOptions = CallOptions> = {
  readonly [K in keyof C]: C[K] extends Endpoint<unknown, infer I, infer O>
    ? Method<I, O, Options>
    : BoundCatalog<C[K], Options>;
};

/** What the vendor codec receives for one call: input already validated. */
export interface Invocation<R, Options extends CallOptions = CallOptions> {
  /** Dotted catalog id, e.g. `els.key.create`. */
  id: string;
  endpoint: Endpoint<R>;
  /** The parsed (validated, defaulted, transformed) input. */
  input: unknown;
  options: Options;
}

/** Sends one validated call and returns the decoded (not yet output-validated) answer. */
export type Invoker<R, Options extends CallOptions = CallOptions> = (
  call: Invocation<R, Options>,
) => Promise<unknown>;

/** How to bind a catalog. */
export interface BindOptions<R, Options extends CallOptions> {
  /** Vendor key for error messages, e.g. `tuxcare`. */
  vendor: string;
  invoke: Invoker<R, Options>;
  /** Removes the client's secrets from error messages. */
  redactor?: Redactor | undefined;
}

/**
 * Converts zod issues to field paths and rules, one entry per offending field. With the raw input, a field
 * that is absent says `required` (zod says "Invalid input: expected string, received undefined", and only
 * "Invalid input" for a union), so a caller reads at once that the field is missing rather than wrong.
 */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[], raw?: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const base = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: base ? `${base}.${key}` : key,
          message: 'unknown field (this endpoint does not accept it)',
        });
      }
      continue;
    }
    out.push({ path: base || '(input)', message: issueMessage(issue, raw) });
  }
  return out;
}

/** The types a union accepts, when its branches all failed on the type alone (`string or number`). */
function unionTypes(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  const types: string[] = [];
  for (const branch of issue.errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (only?.code !== 'invalid_type' || only.path.length > 0) return undefined;
    if (!types.includes(only.expected)) types.push(only.expected);
  }
  return types.length > 0 ? types.join(' or ') : undefined;
}

function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const types = issue.code === 'invalid_union' ? unionTypes(issue) : undefined;
  if (raw !== undefined && issue.path.length > 0 && isAbsent(raw, issue.path)) {
    if (issue.code === 'invalid_type') return `required (${issue.expected})`;
    if (issue.code === 'invalid_union') return types ? `required (${types})` : 'required';
    if (issue.code === 'invalid_value') return `required (${issue.message})`;
  }
  if (types) return `expected ${types}`;
  return issue.message;
}

/** Whether the field at `path` is missing from `raw` (its parent is there, the key is not). */
function isAbsent(raw: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = raw;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  if (node === null || typeof node !== 'object') return false;
  const last = path[path.length - 1] as string;
  return !Object.hasOwn(node, last) || (node as Record<string, unknown>)[last] === undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}

/** Deepest input accepted, in nested objects and arrays; no endpoint takes anything near it. */
const MAX_INPUT_DEPTH = 64;

/** Whether a value nests deeper than `limit` levels. Iterative, so hostile depth cannot overflow the stack. */
function nestsDeeper(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The top-level fields that nest too deeply (recursive schemas such as filter trees would overflow zod). */
function depthIssues(raw: unknown): FieldIssue[] {
  if (raw === null || typeof raw !== 'object') return [];
  if (Array.isArray(raw)) {
    return nestsDeeper(raw, MAX_INPUT_DEPTH)
      ? [{ path: '(input)', message: `nests deeper than ${MAX_INPUT_DEPTH} levels` }]
      : [];
  }
  return Object.entries(raw)
    .filter(([, value]) => nestsDeeper(value, MAX_INPUT_DEPTH - 1))
    .map(([path]) => ({ path, message: `nests deeper than ${MAX_INPUT_DEPTH} levels` }));
}

/**
 * Issues an InputError lists, and the longest path and message it repeats (a custom message may quote the
 * input): hostile input must not make a huge error.
 */
const MAX_INPUT_ISSUES = 20;
const MAX_ISSUE_PATH = 120;
const MAX_ISSUE_MESSAGE = 300;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/**
 * The first issues, scrubbed, then each path and message cut to a readable length (after scrubbing, so no cut
 * leaves a fragment of a secret the redactor would not recognise), and a note of how many were left out.
 */
function boundIssues(issues: readonly FieldIssue[], scrub: (text: string) => string): FieldIssue[] {
  const kept = issues.slice(0, MAX_INPUT_ISSUES).map((issue) => ({
    path: cut(scrub(issue.path), MAX_ISSUE_PATH),
    message: cut(scrub(issue.message), MAX_ISSUE_MESSAGE),
  }));
  if (issues.length > MAX_INPUT_ISSUES) {
    kept.push({ path: '(input)', message: `${issues.length - MAX_INPUT_ISSUES} more issues not listed` });
  }
  return kept;
}

/**
 * Validates raw input against an endpoint's input schema.
 *
 * @throws InputError naming each bad field and the rule it broke; nothing has been sent.
 */
export function parseInput<R>(
  vendor: string,
  id: string,
  endpoint: Endpoint<R>,
  raw: unknown,
  redactor?: Redactor,
) {
  // Too deep is refused before zod sees it: a recursive schema would recurse until the stack overflows.
  const tooDeep = depthIssues(raw);
  const result = tooDeep.length > 0 ? undefined : endpoint.input.safeParse(raw === undefined ? {} : raw);
  if (result?.success) return result.data as unknown;
  // Paths can hold caller-chosen keys (an unknown field named after a secret), so both parts are scrubbed.
  const scrub = (text: string) => (redactor ? redactor.secrets(text) : text);
  const issues = boundIssues(result ? toFieldIssues(result.error.issues, raw ?? {}) : tooDeep, scrub);
  throw new InputError(`Invalid input for ${vendor} ${id}: ${describeIssues(issues)}. No request was sent.`, {
    vendor,
    endpoint: id,
    issues,
  });
}

/**
 * Validates a decoded answer against an endpoint's (tolerant) output schema.
 *
 * @throws ResponseFormatError when the vendor's answer does not have the documented shape.
 */
export function parseOutput<R>(
  vendor: string,
  id: string,
  endpoint: Endpoint<R>,
  value: unknown,
  redactor?: Redactor,
) {
  const result = endpoint.output.safeParse(value);
  if (result.success) return result.data as unknown;
  const issues = toFieldIssues(result.error.issues);
  const text = safeStringify(value);
  throw new ResponseFormatError(
    `${vendor} ${id} answered with an unexpected shape: ${describeIssues(issues)}. ` +
      'The vendor API may have changed; please report it with the excerpt.',
    { vendor, endpoint: id, issues, excerpt: (redactor ?? new Redactor()).excerpt(text, EXCERPT_CHARS) },
  );
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Turns a nested catalog into nested typed async methods. Each method validates its input before anything
 * is sent, invokes the vendor codec, and validates the answer against the output schema.
 */
export function bindCatalog<C extends Catalog, R, Options extends CallOptions = CallOptions>(
  catalog: C,
  options: BindOptions<R, Options>,
): BoundCatalog<C, Options> {
  return bindLevel(catalog, [], options) as BoundCatalog<C, Options>;
}

function bindLevel<R, Options extends CallOptions>(
  level: Catalog,
  prefix: readonly string[],
  options: BindOptions<R, Options>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(level)) {
    const path = [...prefix, key];
    out[key] = isEndpoint(value)
      ? bindMethod(path.join('.'), value as Endpoint<R>, options)
      : bindLevel(value as Catalog, path, options);
  }
  return Object.freeze(out);
}

function bindMethod<R, Options extends CallOptions>(
  id: string,
  endpoint: Endpoint<R>,
  { vendor, invoke, redactor }: BindOptions<R, Options>,
) {
  return async (raw?: unknown, callOptions?: Options): Promise<unknown> => {
    const input = parseInput(vendor, id, endpoint, raw, redactor);
    let answer: unknown;
    try {
      answer = await invoke({ id, endpoint, input, options: (callOptions ?? {}) as Options });
    } catch (error) {
      throw asXError(vendor, id, error, redactor);
    }
    return parseOutput(vendor, id, endpoint, answer, redactor);
  };
}

/**
 * What a failed call throws: our own errors (already redacted) as they are; anything else is a codec bug,
 * which becomes a ResponseFormatError with a redacted message, so the typed methods and the generic
 * `invoke` fail the same way and nothing foreign leaks.
 */
export function asXError(vendor: string, id: string, error: unknown, redactor?: Redactor): unknown {
  if (isXError(error)) return error;
  const said = String((error as Error | undefined)?.message ?? error);
  return new ResponseFormatError(
    `${vendor} ${id} failed while decoding the answer: ${(redactor ?? new Redactor()).text(said)}`,
    { vendor, endpoint: id },
  );
}
