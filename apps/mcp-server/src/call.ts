import {
  type CallToolResult,
  type InputRequiredResult,
  inputRequired,
  inputResponse,
} from '@modelcontextprotocol/server';
import {
  declaredCredentials,
  type GenericTarget,
  InputError,
  maskSensitive,
  REDACTED,
  type Redactor,
  type RequestPreview,
  type WaitProgress,
} from '@x/auth-core';
import { toolName } from '@x/auth-core/projection';
import type { Account } from './accounts.js';
import type { ConfirmationCarrier } from './carriers.js';
import { collisionsOf, toListedError, toVendorInput } from './collisions.js';
import type { TokenCheck } from './confirm.js';
import { hintFor, remedyHint } from './hints.js';
import { nullsAsAbsent } from './nulls.js';
import { listPathOf, narrowingOf, pageOf, readPage } from './paging.js';
import { type CallDescription, confirmationMessage } from './prompt.js';
import { errorResult, successResult, withheldResult } from './results.js';
import { accountsOf, type ServerContext } from './server.js';
import type { ToolSpec } from './tools.js';

/** The user's answer to a confirmation prompt. */
export type Confirmation = 'accepted' | 'declined' | 'timeout' | 'unavailable';

/** What one tools/call needs from the server it runs in. */
export interface CallEnvironment {
  context: ServerContext;
  /** How this request's client is asked to confirm (see carriers.ts). */
  carrier: ConfirmationCarrier;
  /** What a retried 2026-07-28 request carries back: the answers and the state of the previous round. */
  round?:
    | { inputResponses: Record<string, unknown> | undefined; requestState(): string | undefined }
    | undefined;
  /** Whether the tool needs the user's confirmation under the configured mode. */
  confirms: boolean;
  /** Whether a tool of this name is enabled (a generic call may only reach enabled typed tools' functions). */
  enabled(name: string): ToolSpec | undefined;
  /** `--read-only`: a generic call runs only when it is known to be a read. */
  readOnly: boolean;
  /** Asks the user, through the client, to approve the described call. */
  ask(message: string, signal: AbortSignal): Promise<Confirmation>;
  signal: AbortSignal;
  /** Set when the client asked for progress (a progress token): long waits report through it. */
  progress?: ((progress: WaitProgress) => void) | undefined;
  /** The verified person (OAuth subject) the call runs for; confirmation tokens are bound to it. */
  person?: string | undefined;
}

function inputError(tool: ToolSpec, path: string, message: string): InputError {
  return new InputError(`Invalid input for ${tool.name}: ${path}: ${message}. Nothing was sent.`, {
    vendor: tool.vendor.id,
    endpoint: tool.entry.id,
    issues: [{ path, message }],
  });
}

/**
 * The path of the first string argument that is exactly the redaction marker: an agent copying a masked
 * value back would otherwise send `[REDACTED]` to the vendor as if it were the secret.
 */
function markerPath(value: unknown, path = ''): string | undefined {
  if (value === REDACTED) return path || '(input)';
  if (value === null || typeof value !== 'object') return undefined;
  // Iterative over a bounded depth: arguments deeper than the endpoint schemas accept are refused there.
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length > 0) {
    const [item, at, depth] = stack.pop() as [unknown, string, number];
    if (item === REDACTED) return at || '(input)';
    if (item === null || typeof item !== 'object' || depth > 64) continue;
    for (const [key, child] of Object.entries(item)) {
      stack.push([child, Array.isArray(item) ? `${at}[${key}]` : at ? `${at}.${key}` : key, depth + 1]);
    }
  }
  return undefined;
}

/** Picks the account a call runs as, or says which field is wrong. */
function pickAccount(tool: ToolSpec, accounts: readonly Account[], name: unknown): Account | InputError {
  if (accounts.length > 1) {
    const account = accounts.find((candidate) => candidate.name === name);
    if (account) return account;
    const names = accounts.map((candidate) => candidate.name).join(', ');
    const problem = name === undefined ? `required (one of: ${names})` : `unknown account (one of: ${names})`;
    return inputError(tool, 'account', problem);
  }
  const account = accounts[0];
  if (!account) return inputError(tool, '(tool)', 'no account is configured');
  if (name !== undefined && name !== account.name) {
    return inputError(tool, 'account', `unknown account (only "${account.name}")`);
  }
  return account;
}

const TOKEN_REFUSALS: Record<Exclude<TokenCheck, 'ok'>, string> = {
  invalid: 'is not a confirmation token; nothing was sent. Call without confirmation_token to get one',
  expired:
    'has expired; nothing was sent. Call without confirmation_token for a fresh preview and token, and ask the user again',
  mismatch:
    'was issued for other arguments, another tool or another account; nothing was sent. Call without confirmation_token for a token for these arguments',
  used: 'was already used (each confirmation executes once); nothing was sent. Call without confirmation_token for a new one',
  unavailable:
    'cannot be checked: the shared confirmation ledger (--state) is unreachable, so confirmed calls are refused until it is back; nothing was sent. Reads still work. Retry the same call with the same confirmation_token later',
};

const RETRY_WITHOUT_TOKEN =
  'Call the same tool again without confirmation_token for a fresh preview and token.';

/** The preview as the result shows it: the account beside the request. */
function shownRequest(account: Account, preview: RequestPreview): Record<string, unknown> {
  return { account: account.name, ...preview };
}

/**
 * One tools/call: control arguments, then dry run, confirmation (elicitation or a bound single-use token),
 * the call itself, and a result redacted by everything this call knows to be secret. Never throws: every
 * failure is an isError result.
 */
export async function callTool(
  tool: ToolSpec,
  raw: Record<string, unknown>,
  env: CallEnvironment,
): Promise<CallToolResult | InputRequiredResult> {
  const { context } = env;
  const max = context.maxResultChars;
  const { account: named, dry_run: dryFlag, confirmation_token: tokenArg, ...listed } = raw;
  // null is absent for the control fields too (strict-mode clients fill every field).
  const accountName = named === null ? undefined : named;
  const dryRun = dryFlag === null ? undefined : dryFlag;
  // A list the vendor does not page is paged here: offset and limit are the server's, never sent.
  const paged = listPathOf(tool);
  const page = paged ? readPage(listed.offset, listed.limit) : undefined;
  if (paged) {
    delete listed.offset;
    delete listed.limit;
  }
  // Vendor fields listed under another name (a control field has theirs) go back to the vendor's name.
  const renamed = collisionsOf(tool);
  // null in an optional field is absent (strict-mode clients send every field; see nulls.ts).
  const input = nullsAsAbsent(tool.entry.endpoint.input, toVendorInput(listed, renamed));
  // "" is no token: clients that make every property required (OpenAI strict mode) must send something.
  const token = tokenArg === '' || tokenArg === null ? undefined : tokenArg;
  const base: Record<string, unknown> = { tool: tool.name, ...(context.sandbox ? { sandbox: true } : {}) };
  // Every refusal says what to do next: the given hint, else one derived from the error and the catalog.
  const fail = (error: unknown, redactor: Redactor = context.redactor, hint?: string) => {
    const remedy = remedyHint(tool, error);
    if (remedy) return errorResult(error, redactor, base, max, remedy, true);
    return errorResult(error, redactor, base, max, hint ?? hintFor(tool, error, listed));
  };

  // Control arguments first: a wrong account or flag is an input error before anything else happens.
  const account = pickAccount(tool, accountsOf(context, tool), accountName);
  if (account instanceof InputError) return fail(account);
  base.account = account.name;
  if (dryRun !== undefined && (typeof dryRun !== 'boolean' || !tool.mutating)) {
    const message = tool.mutating ? 'must be true or false' : 'read tools send nothing to preview; omit it';
    const hint = tool.mutating ? 'Pass dry_run: true to preview, or omit it.' : 'Call again without dry_run.';
    return fail(inputError(tool, 'dry_run', message), undefined, hint);
  }
  if (token !== undefined && (typeof token !== 'string' || !env.confirms)) {
    const message = env.confirms ? 'must be a string' : 'this tool needs no confirmation; omit it';
    return fail(inputError(tool, 'confirmation_token', message), undefined, RETRY_WITHOUT_TOKEN);
  }
  if (page && 'field' in page) return fail(inputError(tool, page.field, page.message));
  const marker = markerPath(listed);
  if (marker !== undefined) {
    return fail(
      inputError(
        tool,
        marker,
        `is ${REDACTED}, the marker this server puts where it hid a secret, not a value; pass the real value`,
      ),
    );
  }

  // A generic call (any vendor function by name) is held to the policy of the typed tools it stands for.
  let confirms = env.confirms;
  const covers = tool.entry.endpoint.covers;
  if (covers) {
    const target = covers(input);
    // The MCP names of the typed tools it stands for, resolved once for both checks.
    const typed = target.entries.map((id) => toolName(tool.vendor.id, { path: id.split('.') }));
    const refusal = genericRefusal(tool, target, typed, env);
    if (refusal) {
      return fail(
        refusal,
        undefined,
        `Use an enabled tool, or ask the operator to enable ${typed.join(', ')}.`,
      );
    }
    confirms = genericConfirms(target, typed, env);
  }

  let client: Account['client'];
  try {
    client = account.client;
  } catch (error) {
    return fail(error);
  }
  const redactor = client.redactor;
  try {
    if (dryRun === true) {
      const preview = await client.preview(tool.entry.id, input);
      return successResult(
        { ...base, dry_run: true, request: shownRequest(account, preview) },
        max,
        redactor,
      );
    }
    if (confirms) {
      const state = env.carrier === 'input_required' ? env.round?.requestState() : undefined;
      if (token === undefined && state === undefined) {
        const preview = await client.preview(tool.entry.id, input); // validates the input too
        const question = () => confirmationMessage(describeCall(tool, account, preview));
        if (env.carrier === 'input_required') {
          // The bound token travels as requestState: the retry is redeemed by the same rules as a token.
          const issued = context.confirmations.issue(tool.name, account.name, input, env.person);
          return inputRequired({
            inputRequests: {
              confirm: inputRequired.elicit({ message: question(), requestedSchema: CONFIRM_SCHEMA }),
            },
            requestState: issued.token,
          });
        }
        if (env.carrier === 'elicitation') {
          const answer = await env.ask(question(), env.signal);
          if (answer !== 'accepted') return notConfirmed(answer, base, max, redactor);
        } else {
          const issued = context.confirmations.issue(tool.name, account.name, input, env.person);
          return successResult(
            {
              ...base,
              status: 'confirmation_required',
              message:
                'Not executed. Show the user this request. If they approve, call the same tool again with the ' +
                'same arguments plus confirmation_token.',
              request: shownRequest(account, preview),
              confirmation_token: issued.token,
              expires_at: new Date(issued.expiresAt).toISOString(),
            },
            max,
            redactor,
          );
        }
      } else {
        if (state !== undefined) {
          const view = inputResponse(env.round?.inputResponses, 'confirm');
          const accepted =
            view.kind === 'elicit' && view.action === 'accept' && view.content?.confirm === true;
          if (!accepted) return notConfirmed('declined', base, max, redactor);
        }
        const check = await context.confirmations.redeem(
          state ?? (token as string),
          tool.name,
          account.name,
          input,
          env.person,
        );
        if (check !== 'ok') {
          const field = state !== undefined ? 'requestState' : 'confirmation_token';
          const hint =
            check === 'unavailable'
              ? 'Retry the same call later.'
              : `${RETRY_WITHOUT_TOKEN} Ask the user again.`;
          return fail(inputError(tool, field, TOKEN_REFUSALS[check]), redactor, hint);
        }
      }
    }
    const executed = await client.execute(tool.entry.id, input, {
      signal: env.signal,
      ...(env.progress ? { onProgress: env.progress } : {}),
    });
    let value = executed.value;
    if (paged && page && !('field' in page)) {
      const cut = pageOf(value, paged, page);
      if (cut) {
        value = cut.value;
        base.page = cut.page;
      }
    }
    return executedResult(tool, base, value, executed.redactor, max);
  } catch (error) {
    // The client names the vendor's fields; the caller knows them by their listed names.
    return fail(toListedError(error, renamed), redactor);
  }
}

/** Why a generic call may not run here, or undefined when it may. */
function genericRefusal(
  tool: ToolSpec,
  target: GenericTarget,
  typed: readonly string[],
  env: CallEnvironment,
): InputError | undefined {
  for (const name of typed) {
    if (!env.enabled(name)) {
      return inputError(
        tool,
        'func',
        `calls the same function as ${name}, which is not enabled on this server (see --toolsets, --tools, --exclude-tools, --read-only); nothing was sent`,
      );
    }
  }
  if (env.readOnly && !target.read) {
    return inputError(
      tool,
      'func',
      'is not known to be a read, and this server is read-only; nothing was sent',
    );
  }
  return undefined;
}

/**
 * Whether a generic call needs confirmation: a known read needs none; a function whose typed tool mints a
 * credential needs it whenever confirmation is on; anything else as the generic tool itself.
 */
function genericConfirms(target: GenericTarget, typed: readonly string[], env: CallEnvironment): boolean {
  if (target.read) return false;
  const credential = typed.some((name) => env.enabled(name)?.credential);
  return env.confirms || (credential && env.context.confirm !== 'off');
}

/** The question every carrier asks: one boolean, so any client can render it. */
const CONFIRM_SCHEMA = {
  type: 'object' as const,
  properties: { confirm: { type: 'boolean' as const, title: 'Execute this call?' } },
  required: ['confirm'],
};

/** A call the user did not approve: a result (not an error) that says nothing was sent. */
function notConfirmed(
  answer: Exclude<Confirmation, 'accepted'>,
  base: Record<string, unknown>,
  max: number,
  redactor: Redactor,
): CallToolResult {
  const message = {
    declined: 'The user declined; nothing was sent.',
    timeout: 'Not confirmed in time; nothing was sent. Call again to ask the user again.',
    unavailable: 'The user could not be asked for confirmation; nothing was sent.',
  }[answer];
  return successResult({ ...base, status: answer, message }, max, redactor);
}

function describeCall(tool: ToolSpec, account: Account, preview: RequestPreview): CallDescription {
  return {
    title: tool.title,
    summary: tool.summary,
    account: account.name,
    grave: tool.credential ? 'credential' : tool.annotations.destructiveHint ? 'destroys' : 'changes',
    preview,
  };
}

/**
 * The result of a call that ran: vendor data redacted by value (every secret of the call) and by the
 * endpoint's `sensitive` declaration, never by field name; the credentials the endpoint declares it mints
 * are returned as they are, labelled, since the user confirmed asking for them.
 */
function executedResult(
  tool: ToolSpec,
  base: Record<string, unknown>,
  value: unknown,
  redactor: Redactor,
  max: number,
): CallToolResult {
  const endpoint = tool.entry.endpoint;
  const credentials = declaredCredentials(endpoint, value);
  const names = Object.keys(credentials);
  let result = maskSensitive(endpoint, value);
  if (names.length > 0 && result !== null && typeof result === 'object') {
    // Set aside before redaction (the client knows a minted credential as a secret from now on) and put back.
    const rest = { ...(result as Record<string, unknown>) };
    for (const name of names) delete rest[name];
    try {
      result = { ...(redactor.data(rest) as Record<string, unknown>), ...credentials };
    } catch {
      return withheldResult(base);
    }
    return successResult(
      {
        ...base,
        result,
        credential: {
          fields: names,
          note: 'These fields are credentials that log in to the account: give them only to whoever asked, and do not write them to logs, files or DNS records.',
        },
      },
      max,
      undefined,
    );
  }
  return successResult({ ...base, result }, max, redactor, 'data', narrowingOf(tool));
}
