/**
 * Redaction is an invariant of this toolkit, not a feature: every error message, log line and MCP result is
 * built from redacted text. Two complementary mechanisms do it:
 *
 * - by value: the client registers its secrets (password, API key, secret key, session id, token) and every
 *   occurrence is replaced, raw and in the encodings a secret travels in (URL-encoded, form-encoded, base64);
 * - by name: values of sensitive parameters, JSON fields and headers (`password=`, `"token": "..."`,
 *   `x-xsrf-token`) are replaced even when the value was never registered (a signature computed per call).
 */

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

/** Header names whose values are secret; also matched in prose as `name: value`. */
export const SENSITIVE_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-xsrf-token',
  'x-api-key',
];

/** Parameter, field and header names whose values are always secret (compared case-insensitively). */
export const SENSITIVE_NAMES: readonly string[] = [
  'password',
  'passwd',
  'authinfo',
  'auth',
  'token',
  'access_token',
  'refresh_token',
  'api_key',
  'apikey',
  'api_partialkey',
  'secret',
  'secret_key',
  'secretkey',
  'client_secret',
  'signature',
  'req',
  'key',
  'session',
  'sessionid',
  'session_id',
  // A secret header is also a secret parameter or field name (a header quoted in a form or a JSON dump).
  ...SENSITIVE_HEADERS,
  'ses6',
];

/** Secrets shorter than this are not redacted by value (they would shred ordinary text); names still apply. */
const MIN_SECRET_LENGTH = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The encodings a secret may appear in on the wire or in a message. */
function encodingsOf(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
  forms.add(encodeURI(secret));
  forms.add(Buffer.from(secret, 'utf8').toString('base64'));
  forms.add(Buffer.from(secret, 'utf8').toString('base64url'));
  forms.add(JSON.stringify(secret).slice(1, -1));
  // XML and HTML text: COREmanager answers and HTML error pages echo a value with `&` as `&amp;`.
  const markup = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  forms.add(markup.replace(/'/g, '&apos;'));
  forms.add(markup.replace(/'/g, '&#39;'));
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * The name patterns of a set of sensitive names, built once per distinct set: `with()` makes a redactor per
 * call, and compiling three large alternations each time was most of a call's redaction cost. Sharing the
 * global RegExps is safe: they are used only through String#replace, which resets `lastIndex` itself.
 */
const namePatternCache = new Map<string, RegExp[]>();

function namePatternsFor(names: ReadonlySet<string>): RegExp[] {
  // Keyed by the raw names (JSON: unambiguous), so a cache hit escapes nothing.
  const key = JSON.stringify([...names]);
  const cached = namePatternCache.get(key);
  if (cached) return cached;
  const alternatives = [...names].map(escapeRegExp).join('|');
  const headerAlternatives = SENSITIVE_HEADERS.map(escapeRegExp).join('|');
  const patterns = [
    // query strings and form bodies: name=value
    new RegExp(`((?:^|[?&;\\s"'(])(?:${alternatives})=)([^&#\\s"']*)`, 'gi'),
    // JSON: "name": "value" (and single quotes)
    new RegExp(
      `((["'])(?:${alternatives})\\2\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^,}\\s]+)`,
      'gi',
    ),
    // header lines quoted in prose: `cookie: value` (only header names: `token: expired` stays readable)
    new RegExp(`((?:^|[\\s,;{(])(?:${headerAlternatives})\\s*:\\s*)(?!\\s*["'])([^\\s,;}]+)`, 'gi'),
  ];
  // Name sets come from code, so there are few; the bound only guards against a caller minting them in a loop.
  if (namePatternCache.size >= 64) namePatternCache.clear();
  namePatternCache.set(key, patterns);
  return patterns;
}

/** The name sets redactors built themselves, with their patterns (weak: they go with their redactors). */
const ownNameSets = new WeakMap<ReadonlySet<string>, RegExp[]>();

/** Options of a {@link Redactor}. */
export interface RedactorOptions {
  /** Secret values to remove wherever they appear (undefined and empty entries are ignored). */
  secrets?: Iterable<string | undefined>;
  /** Extra sensitive names, added to {@link SENSITIVE_NAMES}. */
  names?: Iterable<string>;
}

/** Removes secrets from text, URLs, form bodies, headers and objects. */
export class Redactor {
  readonly #forms = new Set<string>();
  readonly #names: Set<string>;
  #valuePattern: RegExp | undefined;
  /**
   * Secrets registered since the value pattern was built. Their encodings and the pattern are computed on the
   * first use, not on registration: a redactor made per call by with() is almost never used.
   */
  #pending: string[] = [];
  readonly #namePatterns: RegExp[];

  constructor(options: RedactorOptions = {}) {
    // with() hands over its own (private, never mutated) name set: a per-call copy then builds nothing.
    const shared = options.names instanceof Set ? ownNameSets.get(options.names) : undefined;
    if (shared) {
      this.#names = options.names as Set<string>;
      this.#namePatterns = shared;
    } else {
      this.#names = new Set([...SENSITIVE_NAMES, ...(options.names ?? [])].map((name) => name.toLowerCase()));
      this.#namePatterns = namePatternsFor(this.#names);
      ownNameSets.set(this.#names, this.#namePatterns);
    }
    for (const secret of options.secrets ?? []) this.addSecret(secret);
  }

  /** Registers one more secret value (a session id learned at runtime, for example). */
  addSecret(secret: string | undefined): void {
    if (!secret) return;
    this.#pending.push(secret);
    // A long-lived redactor that learns secrets without ever being used must not grow without bound.
    if (this.#pending.length >= 64) this.#flush();
  }

  /** A redactor with these extra secrets, leaving this one untouched (for one call's ephemeral tokens). */
  with(secrets: Iterable<string | undefined>): Redactor {
    // Settle this redactor's own secrets once, so its copies share the built pattern instead of each redoing it.
    if (this.#pending.length > 0) this.#flush();
    const copy = new Redactor({ names: this.#names });
    for (const form of this.#forms) copy.#forms.add(form);
    copy.#valuePattern = this.#valuePattern;
    for (const secret of secrets) copy.addSecret(secret);
    return copy;
  }

  /** Adds the encodings of the pending secrets and rebuilds the value pattern if any was new. */
  #flush(): void {
    let grew = false;
    for (const secret of this.#pending) {
      for (const form of encodingsOf(secret)) {
        if (!this.#forms.has(form)) {
          this.#forms.add(form);
          grew = true;
        }
      }
    }
    this.#pending = [];
    if (grew) {
      // Longest first, so a secret that contains another is removed whole.
      const sorted = [...this.#forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.#valuePattern = new RegExp(sorted.join('|'), 'g');
    }
  }

  /** Whether `name` is a sensitive parameter, field or header name. */
  isSensitiveName(name: string): boolean {
    return this.#names.has(name.toLowerCase());
  }

  /** Removes registered secrets only (for text we composed ourselves, such as field paths). */
  secrets(input: string): string {
    if (this.#pending.length > 0) this.#flush();
    return this.#valuePattern ? input.replace(this.#valuePattern, REDACTED) : input;
  }

  /**
   * The first `max` characters of `input`, redacted. Redacts before cutting: cutting first can keep the head of
   * a secret whose tail it drops, and a partial secret is recognised neither by value nor by name. Only a
   * window of `max` + 64 KiB is redacted (no secret is that long), so a huge body costs no more than a small one.
   */
  excerpt(input: string, max: number): string {
    const out = this.text(input.length > max + 65_536 ? input.slice(0, max + 65_536) : input);
    return out.length > max ? out.slice(0, max) : out;
  }

  /** Redacts free text: registered secrets by value, then sensitive `name=value` / `"name": value` pairs. */
  text(input: string): string {
    let out = this.secrets(input);
    const [query, json, prose] = this.#namePatterns as [RegExp, RegExp, RegExp];
    out = out.replace(query, (_m, head: string) => `${head}${REDACTED}`);
    out = out.replace(json, (_m, head: string) => `${head}"${REDACTED}"`);
    out = out.replace(prose, (_m, head: string, value: string) =>
      value === REDACTED ? _m : `${head}${REDACTED}`,
    );
    return out;
  }

  /** Redacts a URL: user info, sensitive query values and any registered secret in the path. */
  url(input: string | URL): string {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return this.text(String(input));
    }
    if (url.username) url.username = 'REDACTED';
    if (url.password) url.password = 'REDACTED';
    const params = [...url.searchParams.keys()];
    if (params.some((name) => this.isSensitiveName(name))) {
      const redacted = new URLSearchParams();
      for (const [name, value] of url.searchParams) {
        redacted.append(name, this.isSensitiveName(name) ? REDACTED : value);
      }
      url.search = redacted.toString();
    }
    return this.text(url.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
  }

  /** Redacts an `application/x-www-form-urlencoded` body. */
  form(body: string): string {
    const params = new URLSearchParams(body);
    const out: string[] = [];
    for (const [name, value] of params) {
      out.push(
        `${encodeURIComponent(name)}=${this.isSensitiveName(name) ? REDACTED : encodeURIComponent(value)}`,
      );
    }
    return this.text(out.join('&'));
  }

  /** Redacts header values by name and by registered secret. */
  headers(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(', ') : String(value);
      out[name] = this.isSensitiveName(name) ? REDACTED : this.text(text);
    }
    return out;
  }

  /** Deep-redacts a JSON-like value: sensitive keys are replaced, strings pass through {@link text}. */
  value(input: unknown, depth = 0): unknown {
    if (typeof input === 'string') return this.text(input);
    if (depth > 20 || input === null || typeof input !== 'object') return input;
    if (Array.isArray(input)) return input.map((item) => this.value(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      out[key] =
        this.isSensitiveName(key) && item !== null && item !== undefined
          ? REDACTED
          : this.value(item, depth + 1);
    }
    return out;
  }
}
