import { closeSync, openSync, writeSync } from 'node:fs';
import type { CallToolResult, InputRequiredResult } from '@modelcontextprotocol/server';
import type { Redactor } from '@x/auth-core';
import type { ToolSpec } from '../tools.js';

/** One line of the audit trail: who called which tool, as which account, with what, and how it ended. */
export interface AuditRecord {
  time: string;
  /** The verified person (OAuth `sub`); null without OAuth. */
  person: string | null;
  /** The OAuth client, or else the name the MCP client gave. */
  client: string | null;
  tool: string;
  account: string | null;
  effect: string;
  /** The arguments as the endpoint's schema validated them, secrets redacted; null when they were invalid. */
  arguments: unknown;
  /** ok, dry_run, confirmation_required, declined, timeout, unavailable, or the error kind (input, refused...). */
  outcome: string;
  duration_ms: number;
  /** The W3C trace context of the HTTP request, when it carried one. */
  traceparent: string | null;
}

/** What one call adds to a record; the log fills in the rest. */
export interface AuditCall {
  tool: ToolSpec;
  raw: Record<string, unknown>;
  result: CallToolResult | InputRequiredResult;
  durationMs: number;
  person?: string | undefined;
  client?: string | undefined;
  traceparent?: string | undefined;
}

/** Arguments that steer the server, not the vendor: the confirmation token is a credential of sorts. */
const CONTROL = new Set(['account', 'dry_run', 'confirmation_token']);

/** How a call ended, in one word, from its result. */
export function outcomeOf(result: CallToolResult | InputRequiredResult): string {
  if ((result as { resultType?: unknown }).resultType === 'input_required') return 'confirmation_required';
  const content = ((result as CallToolResult).structuredContent ?? {}) as Record<string, unknown>;
  if ((result as CallToolResult).isError) {
    const kind = (content.error as { kind?: unknown } | undefined)?.kind;
    return typeof kind === 'string' ? kind : 'error';
  }
  if (content.dry_run === true) return 'dry_run';
  return typeof content.status === 'string' ? content.status : 'ok';
}

/**
 * The audit trail as JSON lines, to stderr or appended to a file. Each line is written synchronously, whole,
 * before the call's answer leaves: a crash cannot lose a line for a call that was answered. Arguments go
 * through the server's redactor (every configured secret, every sensitive field name); the confirmation
 * token and the bearer token never appear.
 */
export class AuditLog {
  readonly #fd: number;
  readonly #owned: boolean;

  private constructor(fd: number, owned: boolean) {
    this.#fd = fd;
    this.#owned = owned;
  }

  /** Opens the trail: `stderr`, or a file path (created 0600 when new). Throws naming `--audit-log`. */
  static open(target: string): AuditLog {
    if (target === 'stderr') return new AuditLog(2, false);
    try {
      return new AuditLog(openSync(target, 'a', 0o600), true);
    } catch (error) {
      throw new Error(
        `--audit-log ${target}: cannot open (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }

  /** Writes the record of one finished tools/call. Never throws: the audit cannot fail a call after it ran. */
  record(call: AuditCall, redactor: Redactor): void {
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(call.raw)) if (!CONTROL.has(key)) input[key] = value;
    const validated = call.tool.entry.endpoint.input.safeParse(input);
    let args: unknown = null;
    try {
      args = validated.success ? redactor.value(validated.data) : null;
    } catch {
      args = null;
    }
    const account = ((call.result as CallToolResult).structuredContent as { account?: unknown } | undefined)
      ?.account;
    const record: AuditRecord = {
      time: new Date().toISOString(),
      person: call.person ?? null,
      client: call.client ?? null,
      tool: call.tool.name,
      account: typeof account === 'string' ? account : null,
      effect: call.tool.entry.endpoint.effect,
      arguments: args,
      outcome: outcomeOf(call.result),
      duration_ms: Math.round(call.durationMs),
      traceparent: call.traceparent ?? null,
    };
    try {
      writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    } catch {
      // A full disk must not turn a call that ran into an error the agent retries.
    }
  }

  close(): void {
    if (this.#owned) closeSync(this.#fd);
  }
}
