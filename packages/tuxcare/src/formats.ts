/**
 * Parsers of the API's two text formats: `.plain` key:value answers and Nagios plugin output. Both are pure
 * functions over the body text so they are tested from fixtures without a server.
 */

/** A parsed `.plain` answer: the fields with `true`/`false`/integers coerced, and the raw text. */
export interface PlainAnswer {
  fields: Record<string, string | number | boolean>;
  raw: string;
}

const FIELD_START = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/;
// A second `key:` on the same line (the portal doc prints `success: true code:0` on one line).
const NEXT_FIELD = /\s+(?=[A-Za-z_][\w.-]*\s*:)/;

function coerce(value: string): string | number | boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^-?\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * Parses `.plain` text: one `key:value` per line (or several separated by spaces), `message:` taking the rest
 * of its line. Trailing commas and ` // comments` (as in the status example) are dropped; lines that are not
 * `key:value` (a wrapped comment) are ignored.
 */
export function parsePlain(text: string): PlainAnswer {
  const fields: Record<string, string | number | boolean> = {};
  for (const original of text.split(/\r?\n/)) {
    const line = original
      .replace(/(^|[\s,])\/\/.*$/, '$1')
      .trim()
      .replace(/,$/, '')
      .trim();
    const match = FIELD_START.exec(line);
    if (!match) continue;
    const [, key = '', rest = ''] = match;
    if (key === 'message') {
      fields[key] = rest.trim();
      continue;
    }
    const [value = '', ...others] = rest.split(NEXT_FIELD);
    fields[key] = coerce(value.trim().replace(/,$/, ''));
    for (const other of others) {
      const pair = FIELD_START.exec(other.trim());
      if (pair?.[1]) fields[pair[1]] = coerce((pair[2] ?? '').trim().replace(/,$/, ''));
    }
  }
  return { fields, raw: text };
}

/** One server line of a Nagios answer: `host (ip) is STATE`. */
export interface NagiosServer {
  host: string;
  ip: string | null;
  /** Upper-case state as sent: OUTOFDATE, UNSUPPORTED, INACTIVE, ... */
  state: string;
  /** The line as sent. */
  line: string;
}

/** A parsed Nagios answer of `kcare/nagios/{key}` or `kcare/nagios-res/{login}/{token}`. */
export interface NagiosReport {
  /** True when every server is up to date (the OK line, or perfdata with no problem counters). */
  ok: boolean;
  /** The first line without its perfdata, e.g. `3 machines are OUTOFDATE!` or `KernelCare OK - ...`. */
  summary: string;
  /** Perfdata counters, e.g. `{ uptodate: 6, outofdate: 3, unsupported: 2, inactive: 1 }`; empty when absent. */
  counts: Record<string, number>;
  /** Per-server lines after the first. */
  servers: NagiosServer[];
  /** Lines after the first that are not server lines, kept verbatim. */
  details: string[];
  /** The whole body as sent. */
  raw: string;
}

/** Error bodies the Nagios endpoints answer instead of a report (matched by prefix, as the Datadog check does). */
export const NAGIOS_ERROR_PREFIXES = [
  'Servers not found',
  'Registration token not found',
  'Reseller not found',
] as const;

const PERFDATA = /^[A-Za-z_]\w*=-?\d+(?:;[A-Za-z_]\w*=-?\d+)*$/;
const SERVER_LINE = /^(\S+)(?:\s+\(([^)]*)\))?\s+is\s+([A-Za-z_]+)\b/;
const PROBLEM_COUNTERS = ['outofdate', 'unsupported', 'inactive'];

/**
 * Parses a Nagios answer. Its first line is the status (`KernelCare OK - all servers are up to date!`, or a
 * summary with perfdata after `|`, or perfdata alone); further lines describe servers.
 */
export function parseNagios(text: string): NagiosReport {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const first = lines[0] ?? '';
  const bar = first.indexOf('|');
  let summary = first;
  let perf = '';
  if (bar >= 0) {
    summary = first.slice(0, bar).trim();
    perf = first.slice(bar + 1).trim();
  } else if (PERFDATA.test(first)) {
    summary = '';
    perf = first;
  }
  const counts: Record<string, number> = {};
  for (const part of perf.split(';')) {
    const [name, value] = part.split('=');
    if (name && value !== undefined && /^-?\d+$/.test(value.trim()))
      counts[name.trim()] = Number(value.trim());
  }
  const servers: NagiosServer[] = [];
  const details: string[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const match = SERVER_LINE.exec(line);
    if (match)
      servers.push({
        host: match[1] ?? '',
        ip: match[2] || null,
        state: (match[3] ?? '').toUpperCase(),
        line,
      });
    else details.push(line);
  }
  const hasCounts = Object.keys(counts).length > 0;
  const ok = /^KernelCare OK\b/i.test(summary)
    ? true
    : hasCounts && PROBLEM_COUNTERS.every((name) => (counts[name] ?? 0) === 0) && servers.length === 0;
  return { ok, summary, counts, servers, details, raw: text };
}

/** The error prefix a Nagios body starts with, if it is an error body. */
export function nagiosError(text: string): (typeof NAGIOS_ERROR_PREFIXES)[number] | undefined {
  const start = text.trimStart();
  return NAGIOS_ERROR_PREFIXES.find((prefix) => start.startsWith(prefix));
}
