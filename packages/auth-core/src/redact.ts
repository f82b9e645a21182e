/**
 * Redaction is an invariant of this toolkit, not a feature: every error message, log line and MCP result is
 * built from redacted text. Two complementary mechanisms do it:
 *
 * - by value: the client registers its secrets (password, API key, secret key, session id, token) and every
 *   occurrence is replaced, raw and in the encodings a secret travels in (URL-encoded, form-encoded, base64),
 *   by a scanner whose cost is linear in the text whatever the secrets (secret-scan.ts);
 * - by name: values of sensitive parameters, JSON fields and headers (`password=`, `"token": "..."`,
 *   `x-xsrf-token`) are replaced even when the value was never registered (a signature computed per call).
 *   Only for text and data we compose: vendor result data ({@link Redactor.data}) is redacted by value only.
 *
 * Redaction fails closed: when it cannot finish, it throws a {@link RedactionError} that carries nothing of
 * its input, rather than return text it could not clean.
 */

import { applyIntervals, SecretScanner, unionIntervals } from './secret-scan.js';

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

/** What replaces a reference to an object that contains it, in {@link Redactor.value} and {@link Redactor.data}. */
export const CIRCULAR = '[Circular]';

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
  // Not `key` (a license key is data the user asked for) nor `req` (LunaNode's request parameters, shown in
  // previews; the secrets in them are caught by value and by their own names).
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

/**
 * The encodings a secret may appear in on the wire or in a message (exported for the benchmark's baselines,
 * which must see exactly the forms the redactor registers; not part of the package's index).
 */
export function encodingsOf(secret: string): string[] {
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

const REDACTION_ERROR_BRAND = Symbol.for('@x/auth-core.redaction-error');

/** The fixed message of a {@link RedactionError}. */
export const REDACTION_FAILED = 'redaction failed; the output was withheld';

/**
 * Redaction could not finish, so its output was withheld. It carries nothing but this fixed message: no cause,
 * no fields, no part of the input (which is unredacted by definition) or of the secrets. Branded like the
 * XError hierarchy, so `instanceof` holds across two installed copies of @x/auth-core.
 */
export class RedactionError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && REDACTION_ERROR_BRAND in value;
  }

  constructor() {
    super(REDACTION_FAILED);
    Object.defineProperty(this, REDACTION_ERROR_BRAND, { value: true, enumerable: false });
    Object.defineProperty(this, 'name', { value: 'RedactionError', enumerable: false, configurable: true });
  }
}

/**
 * Runs one redaction, failing closed. The original exception is dropped on purpose: its message or stack may
 * quote the input (a getter's error, a proxy's, an engine error naming a value).
 */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch {
    throw new RedactionError();
  }
}

/** Options of a {@link Redactor}. */
export interface RedactorOptions {
  /** Secret values to remove wherever they appear (undefined and empty entries are ignored). */
  secrets?: Iterable<string | undefined>;
  /** Extra sensitive names, added to {@link SENSITIVE_NAMES}. */
  names?: Iterable<string>;
}

/** A container being filled by the iterative walk of {@link Redactor.value} / {@link Redactor.data}. */
interface Frame {
  readonly source: object;
  readonly out: unknown[] | Record<string, unknown>;
  /** Source keys, or undefined for an array. */
  readonly keys: string[] | undefined;
  /** Output keys (source keys redacted by value, collisions numbered). */
  readonly outKeys: string[] | undefined;
  readonly values: unknown[] | undefined;
  readonly length: number;
  next: number;
}

/** Removes secrets from text, URLs, form bodies, headers and objects. */
export class Redactor {
  readonly #names: Set<string>;
  readonly #namePatterns: RegExp[];
  /**
   * The scanner of the redactor this one was copied from by with(), shared as is: a per-call copy scans with it
   * and with its own small scanner, and the intervals of both are united on the original text, so a call never
   * rebuilds the long-lived redactor's automaton.
   */
  #inherited: SecretScanner | undefined;
  /** This redactor's own forms and their scanner (copies: only the forms of their call-scoped secrets). */
  #forms = new Set<string>();
  #scanner: SecretScanner | undefined;
  /** Forms were added since #scanner was built. */
  #stale = false;
  /**
   * Secrets registered but not yet encoded. Their encodings and the scanner are computed on the first use, not
   * on registration: a redactor made per call by with() is almost never used.
   */
  #pending: string[] = [];

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
    // A long-lived redactor that learns secrets without ever being used must not grow without bound: encode
    // them now and then (building waits for the next use, so registering n secrets builds once, not n/64
    // times). A failure keeps them pending: the next use retries and fails closed if it fails again.
    if (this.#pending.length >= 64) {
      try {
        this.#encodePending();
      } catch {}
    }
  }

  /** A redactor with these extra secrets, leaving this one untouched (for one call's ephemeral tokens). */
  with(secrets: Iterable<string | undefined>): Redactor {
    // Settle this redactor's own secrets once, so its copies share the built scanner instead of each redoing it.
    guarded(() => this.#settle());
    const copy = new Redactor({ names: this.#names });
    if (this.#inherited) {
      // A copy of a copy: the long-lived scanner stays shared; this copy's own (small) forms are carried over.
      copy.#inherited = this.#inherited;
      copy.#forms = new Set(this.#forms);
      copy.#scanner = this.#scanner;
    } else {
      copy.#inherited = this.#scanner;
    }
    for (const secret of secrets) copy.addSecret(secret);
    return copy;
  }

  /**
   * Moves the pending secrets' encodings into the form set. Forms are only ever added, and the secrets leave
   * #pending only once all are in, so an exception midway (out of memory on a huge secret) loses nothing.
   */
  #encodePending(): void {
    for (const secret of this.#pending) {
      for (const form of encodingsOf(secret)) {
        if (!this.#forms.has(form)) {
          this.#forms.add(form);
          this.#stale = true;
        }
      }
    }
    this.#pending = [];
  }

  /** Encodes what is pending and rebuilds the scanner if the forms changed (committed only once built). */
  #settle(): void {
    if (this.#pending.length > 0) this.#encodePending();
    if (this.#stale) {
      this.#scanner = new SecretScanner(this.#forms);
      this.#stale = false;
    }
  }

  /** Whether `name` is a sensitive parameter, field or header name. */
  isSensitiveName(name: string): boolean {
    return this.#names.has(String(name).toLowerCase());
  }

  /** Removes registered secrets only (for text we composed ourselves, such as field paths). */
  secrets(input: string): string {
    return guarded(() => this.#secrets(input));
  }

  #secrets(input: string): string {
    const text = typeof input === 'string' ? input : String(input);
    this.#settle();
    const own = this.#scanner ? this.#scanner.scan(text) : [];
    const inherited = this.#inherited ? this.#inherited.scan(text) : [];
    return applyIntervals(text, unionIntervals(inherited, own), REDACTED);
  }

  /**
   * The first `max` characters of `input`, redacted. Redacts before cutting: cutting first can keep the head of
   * a secret whose tail it drops, and a partial secret is recognised neither by value nor by name. Only a
   * window of `max` + 64 KiB is redacted, so a huge body costs no more than a small one; a longer secret that
   * starts in the window is still redacted to the window's end (its head matches).
   */
  excerpt(input: string, max: number): string {
    return guarded(() => {
      const out = this.#text(input.length > max + 65_536 ? input.slice(0, max + 65_536) : input);
      return out.length > max ? out.slice(0, max) : out;
    });
  }

  /** Redacts free text: registered secrets by value, then sensitive `name=value` / `"name": value` pairs. */
  text(input: string): string {
    return guarded(() => this.#text(input));
  }

  #text(input: string): string {
    let out = this.#secrets(input);
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
    return guarded(() => {
      let url: URL;
      try {
        url = new URL(input);
      } catch {
        return this.#text(String(input));
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
      return this.#text(url.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
    });
  }

  /** Redacts an `application/x-www-form-urlencoded` body. */
  form(body: string): string {
    return guarded(() => {
      const params = new URLSearchParams(body);
      const out: string[] = [];
      for (const [name, value] of params) {
        out.push(
          `${encodeURIComponent(name)}=${this.isSensitiveName(name) ? REDACTED : encodeURIComponent(value)}`,
        );
      }
      return this.#text(out.join('&'));
    });
  }

  /** Redacts header values by name and by registered secret. */
  headers(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
    return guarded(() => {
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) continue;
        const text = Array.isArray(value) ? value.join(', ') : String(value);
        out[name] = this.isSensitiveName(name) ? REDACTED : this.#text(text);
      }
      return out;
    });
  }

  /**
   * Deep-redacts a JSON-like value WE compose (an error's data, a preview, a log record): values of sensitive
   * keys are replaced, strings pass through {@link text}, and object keys that contain a registered secret are
   * redacted by value (`[REDACTED]`, then `[REDACTED]#2`... when redacted keys collide). Any depth (the walk is
   * iterative); a reference to an enclosing object becomes {@link CIRCULAR}; a shared object is redacted once.
   * Throws {@link RedactionError} if it cannot finish (a getter or proxy that throws).
   */
  value(input: unknown): unknown {
    return guarded(() => this.#walk(input, true));
  }

  /**
   * Deep-redacts VENDOR RESULT data: by registered secret value only, in strings and object keys, at any depth,
   * never by field name, so a `key` field holding the license key the user asked for stays as it is. Numbers,
   * booleans and null pass through; cycles and failures as in {@link value}.
   */
  data(input: unknown): unknown {
    return guarded(() => this.#walk(input, false));
  }

  /** The walk behind value() and data(): an explicit stack, so depth costs heap, never the call stack. */
  #walk(input: unknown, byName: boolean): unknown {
    const leaf = (item: unknown): unknown =>
      typeof item === 'string' ? (byName ? this.#text(item) : this.#secrets(item)) : item;
    if (input === null || typeof input !== 'object') return leaf(input);
    const done = new Map<object, unknown>();
    const open = new Set<object>();
    const frameOf = (source: object): Frame => {
      open.add(source);
      if (Array.isArray(source)) {
        const length = source.length;
        return {
          source,
          out: new Array(length),
          keys: undefined,
          outKeys: undefined,
          values: undefined,
          length,
          next: 0,
        };
      }
      const entries = Object.entries(source);
      const keys = entries.map((entry) => entry[0]);
      return {
        source,
        out: {},
        keys,
        outKeys: this.#redactKeys(keys),
        values: entries.map((entry) => entry[1]),
        length: keys.length,
        next: 0,
      };
    };
    const root = frameOf(input);
    const stack: Frame[] = [root];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.length) {
        stack.pop();
        open.delete(frame.source);
        done.set(frame.source, frame.out);
        continue;
      }
      const index = frame.next++;
      const item = frame.values ? frame.values[index] : (frame.source as unknown[])[index];
      let result: unknown;
      if (
        byName &&
        frame.keys &&
        this.isSensitiveName(frame.keys[index]!) &&
        item !== null &&
        item !== undefined
      ) {
        result = REDACTED;
      } else if (item === null || typeof item !== 'object') {
        result = leaf(item);
      } else if (open.has(item)) {
        result = CIRCULAR;
      } else if (done.has(item)) {
        result = done.get(item);
      } else {
        const child = frameOf(item);
        stack.push(child);
        result = child.out;
      }
      if (frame.outKeys) {
        const key = frame.outKeys[index]!;
        // `__proto__` as a plain assignment would set the prototype instead of adding the field.
        if (key === '__proto__') {
          Object.defineProperty(frame.out, key, {
            value: result,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else {
          (frame.out as Record<string, unknown>)[key] = result;
        }
      } else {
        (frame.out as unknown[])[index] = result;
      }
    }
    return root.out;
  }

  /**
   * Object keys redacted by value. A key that changed and collides with another output key gets `#2`, `#3`...:
   * merging them would drop a value the caller may need, and they stay distinguishable.
   */
  #redactKeys(keys: string[]): string[] {
    const out = keys.map((key) => this.#secrets(key));
    if (out.every((key, i) => key === keys[i])) return out;
    const taken = new Set<string>();
    for (let i = 0; i < keys.length; i++) if (out[i] === keys[i]) taken.add(keys[i]!);
    const nextSuffix = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) {
      if (out[i] === keys[i]) continue;
      const base = out[i]!;
      let key = base;
      if (taken.has(key)) {
        let suffix = nextSuffix.get(base) ?? 2;
        while (taken.has(`${base}#${suffix}`)) suffix++;
        key = `${base}#${suffix}`;
        nextSuffix.set(base, suffix + 1);
      }
      taken.add(key);
      out[i] = key;
    }
    return out;
  }
}
