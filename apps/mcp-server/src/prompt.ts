import type { RequestPreview } from '@x/auth-core';

/** Longest value shown in a confirmation prompt; a 40 KB script is shown as its head and its length. */
const MAX_SHOWN_VALUE = 200;
/** Most parameters listed in a confirmation prompt. */
const MAX_SHOWN_PARAMS = 40;

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_SHOWN_VALUE
    ? `${text.slice(0, MAX_SHOWN_VALUE)}… (${text.length} characters)`
    : text;
}

/** What a call will do, as a person reads it before approving: where, who, and every parameter sent. */
export interface CallDescription {
  /** The tool's title, e.g. `ISPmanager: user delete`. */
  title: string;
  /** The endpoint's one-sentence summary. */
  summary: string;
  /** The account the call runs as. */
  account: string;
  /** Whether the call destroys or overwrites something, or mints a credential. */
  grave: 'destroys' | 'credential' | 'changes';
  /** The redacted preview of the request. */
  preview: RequestPreview;
}

/**
 * The confirmation prompt: the tool, the account and vendor host, the method and path, then each parameter
 * as the vendor receives it (decoded, secrets masked, long values cut). Built only from the redacted preview,
 * so it quotes no secret; every value is a quoted parameter, never a sentence of ours.
 */
export function confirmationMessage(call: CallDescription): string {
  const { preview } = call;
  const lines = [
    `${call.title}: ${call.summary}`,
    `Account "${call.account}" at ${preview.host || '(unknown host)'}: ${preview.method} ${preview.path}`,
  ];
  const params = Object.entries(preview.params);
  if (params.length === 0) lines.push('No parameters.');
  for (const [name, value] of params.slice(0, MAX_SHOWN_PARAMS)) lines.push(`  ${name} = ${shown(value)}`);
  if (params.length > MAX_SHOWN_PARAMS)
    lines.push(`  … and ${params.length - MAX_SHOWN_PARAMS} more parameters`);
  lines.push(
    call.grave === 'credential'
      ? 'This creates or reveals a credential that logs in to the account. Approve?'
      : call.grave === 'destroys'
        ? 'This destroys or overwrites data. Approve?'
        : 'Approve this change?',
  );
  return lines.join('\n');
}
