import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CIRCULAR, REDACTED, REDACTION_FAILED, RedactionError, Redactor } from '../src/index.js';
import {
  FOLLOW_WORK_BASE,
  FOLLOW_WORK_PER_UNIT,
  HEAD,
  type Intervals,
  SecretScanner,
  scanCounters,
} from '../src/secret-scan.js';

// Why a scanner: the by-value pass used to be one RegExp alternation of every secret form. A long secret made
// it fail to compile, its SyntaxError quoted every secret, and the redactor failed that way on every later call.

/** Every encoding the redactor registers (redact.ts encodingsOf), written out independently. */
function encodings(secret: string): string[] {
  const markup = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      encodeURI(secret),
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      JSON.stringify(secret).slice(1, -1),
      markup.replace(/'/g, '&apos;'),
      markup.replace(/'/g, '&#39;'),
    ]),
  ];
}

/** A deterministic pseudo-random string over characters that exercise every encoding. */
function randomSecret(length: number, seed: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&#+:/?=%"\'<>é€ ';
  let state = seed >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    out.push(alphabet[(state >>> 8) % alphabet.length]!);
  }
  return out.join('');
}

/** Throws if a scan did more work than the bound the scanner documents (counted, never timed). */
function expectWithinBound<T>(textLength: number, run: () => T): T {
  const skips = scanCounters.skipChecks;
  const transitions = scanCounters.transitions;
  const follow = scanCounters.followSteps;
  const result = run();
  expect(scanCounters.skipChecks - skips).toBeLessThanOrEqual(2 * textLength);
  expect(scanCounters.transitions - transitions).toBeLessThanOrEqual(2 * textLength);
  expect(scanCounters.followSteps - follow).toBeLessThanOrEqual(
    FOLLOW_WORK_PER_UNIT * textLength + FOLLOW_WORK_BASE + 1,
  );
  return result;
}

describe('long and many secrets', () => {
  it.each([
    ['40 KB', 40_000],
    ['1 MB', 1_000_000],
  ])('a %s secret is redacted raw and in every encoding, and the redactor keeps working', (_name, length) => {
    const secret = randomSecret(length, length);
    const redactor = new Redactor({ secrets: [secret] });
    const forms = encodings(secret);
    expect(forms.length).toBeGreaterThanOrEqual(7);
    for (const form of forms) {
      expect(redactor.text(`before ${form} after`)).toBe(`before ${REDACTED} after`);
    }
    // All forms in one text, and a cut echo: the first 500 units of the secret are redacted as its head matches.
    const all = forms.join(' | ');
    expect(redactor.secrets(all)).toBe(forms.map(() => REDACTED).join(' | '));
    expect(redactor.secrets(`x ${secret.slice(0, 500)}`)).toBe(`x ${REDACTED}`);
    expect(redactor.excerpt(`note: ${secret}`, 300)).toBe(`note: ${REDACTED}`);
    // A normal call through the same redactor.
    expect(redactor.text('token=abc and plain text')).toBe(`token=${REDACTED} and plain text`);
    expect(redactor.value({ note: `has ${secret}`, n: 1 })).toEqual({ note: `has ${REDACTED}`, n: 1 });
  });

  it('a periodic 40 KB secret (one repeated letter) is redacted exactly, in linear work', () => {
    const secret = 'x'.repeat(40_000);
    const redactor = new Redactor({ secrets: [secret] });
    const text = `before ${secret} after ${secret}${secret.slice(0, 1000)}y`;
    const out = expectWithinBound(text.length, () => redactor.secrets(text));
    expect(out).toBe(`before ${REDACTED} after ${REDACTED}y`);
  });

  it('1,000 distinct secrets, each raw and in every encoding, in one text', () => {
    const secrets = Array.from({ length: 1000 }, (_, i) => `s${i}-${randomSecret(16 + (i % 30), i + 7)}`);
    const redactor = new Redactor({ secrets });
    const forms = secrets.flatMap(encodings);
    const text = forms.join(' ');
    const out = expectWithinBound(text.length, () => redactor.secrets(text));
    expect(out).toBe(forms.map(() => REDACTED).join(' '));
    expect(redactor.text('a normal line, token=abc')).toBe(`a normal line, token=${REDACTED}`);
  });

  it('with() does not rebuild the base automaton per call', () => {
    const base = new Redactor({ secrets: Array.from({ length: 200 }, (_, i) => `base-secret-${i}-long`) });
    expect(base.secrets('base-secret-7-long')).toBe(REDACTED);
    const builds = scanCounters.builds;
    const units = scanCounters.buildUnits;
    for (let call = 0; call < 100; call++) {
      const scoped = base.with([`call-signature-${call}`]);
      expect(scoped.secrets(`base-secret-3-long call-signature-${call}`)).toBe(`${REDACTED} ${REDACTED}`);
    }
    // One small scanner per call, holding only that call's forms (each at most HEAD units).
    expect(scanCounters.builds - builds).toBe(100);
    expect(scanCounters.buildUnits - units).toBeLessThanOrEqual(100 * 9 * HEAD);
    expect(base.secrets('call-signature-1')).toBe('call-signature-1');
  });
});

describe('what is redacted', () => {
  it('a secret containing another leaves nothing of either', () => {
    const redactor = new Redactor({ secrets: ['INNER-secret', 'outer-INNER-secret-x'] });
    expect(redactor.secrets('a outer-INNER-secret-x b')).toBe(`a ${REDACTED} b`);
    expect(redactor.secrets('a INNER-secret b')).toBe(`a ${REDACTED} b`);
    // The same with forms longer than the automaton's head, the inner one straddling the outer's head.
    const inner = randomSecret(150, 3);
    const outer = `${'q'.repeat(40)}${inner}${randomSecret(300, 4)}`;
    const both = new Redactor({ secrets: [outer, inner] });
    expect(both.secrets(`<${outer}>`)).toBe(`<${REDACTED}>`);
    expect(both.secrets(`<${inner}>`)).toBe(`<${REDACTED}>`);
  });

  it('overlapping occurrences are redacted as their union, one marker per contiguous run', () => {
    const redactor = new Redactor({ secrets: ['abcdefgh', 'efghijkl', 'abab'] });
    expect(redactor.secrets('xxabcdefghijklxx')).toBe(`xx${REDACTED}xx`);
    expect(redactor.secrets('ababab.abab')).toBe(`${REDACTED}.${REDACTED}`);
    expect(redactor.secrets('abcdefghabcdefgh')).toBe(REDACTED);
    const long = 'ab'.repeat(100);
    expect(new Redactor({ secrets: [long] }).secrets(`-${'ab'.repeat(150)}-`)).toBe(`-${REDACTED}-`);
  });

  it('a secret at the very start or end of the text', () => {
    const secret = 'edge-secret';
    const long = randomSecret(200, 9);
    const redactor = new Redactor({ secrets: [secret, long] });
    for (const s of [secret, long]) {
      expect(redactor.secrets(s)).toBe(REDACTED);
      expect(redactor.secrets(`${s} tail`)).toBe(`${REDACTED} tail`);
      expect(redactor.secrets(`head ${s}`)).toBe(`head ${REDACTED}`);
      expect(redactor.secrets(`${s}${s}`)).toBe(REDACTED);
    }
  });

  it('secrets shorter than four characters are not redacted by value', () => {
    expect(new Redactor({ secrets: ['abc'] }).secrets('abc abcd')).toBe('abc abcd');
  });

  it('a long secret with a long border, occurring overlapped with itself', () => {
    const x = randomSecret(HEAD + 30, 21);
    const y = randomSecret(10, 22);
    const secret = `${x}${y}${x}`;
    const redactor = new Redactor({ secrets: [secret] });
    // Two occurrences sharing the middle x: the second is found while the first is being followed.
    expect(redactor.secrets(`<${x}${y}${x}${y}${x}>`)).toBe(`<${REDACTED}>`);
    expect(redactor.secrets(`<${x}${y}${x}${y}${x}${y}${x}>`)).toBe(`<${REDACTED}>`);
    // A border of exactly HEAD units: after a mismatch the matcher must fall back to it, not drop the form.
    const h = randomSecret(HEAD, 23);
    const z = randomSecret(12, 24);
    const bordered = new Redactor({ secrets: [`${h}${y}${h}${z}`] });
    expect(bordered.secrets(`<${h}${y}${h}${y}${h}${z}>`)).toBe(`<${REDACTED}>`);
  });

  it('property: the scanner redacts exactly the union of whole short forms and ≥HEAD-unit prefixes of long ones', () => {
    // Forms and texts are built from a few shared pieces, so heads recur, forms overlap themselves and each
    // other, and partial matches are common.
    const ab = fc.constantFrom('a', 'b');
    const piece = fc.oneof(
      fc.string({ unit: ab, minLength: 1, maxLength: HEAD + 10 }),
      fc.string({ unit: ab, minLength: HEAD - 1, maxLength: HEAD + 1 }),
    );
    const indices = (max: number) => fc.array(fc.nat(2), { minLength: 1, maxLength: max });
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 3, maxLength: 3 }),
        fc.array(indices(4), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(2), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 3 })), {
          maxLength: 14,
        }),
        (pool, formPieces, textPieces) => {
          const forms = formPieces
            .map((ids) => ids.map((id) => pool[id]).join(''))
            .filter((f) => f.length >= 4);
          if (forms.length === 0) return;
          const text = textPieces.map(([id, noise]) => pool[id] + noise).join('');
          const got = expectWithinBound(text.length, () => new SecretScanner(forms).scan(text));
          expect(got).toEqual(reference(forms, text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/** The intervals the scanner must find, computed the slow, obvious way. */
function reference(forms: string[], text: string): Intervals {
  const covered = new Uint8Array(text.length);
  for (const form of forms) {
    for (let s = 0; s < text.length; s++) {
      let l = 0;
      while (l < form.length && s + l < text.length && text[s + l] === form[l]) l++;
      const hit = form.length <= HEAD ? l === form.length : l >= HEAD;
      if (hit) covered.fill(1, s, s + l);
    }
  }
  const out: Intervals = [];
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) continue;
    let j = i;
    while (j < text.length && covered[j]) j++;
    out.push(i, j);
    i = j;
  }
  return out;
}

describe('linear cost (counted steps, not time)', () => {
  const cases: Array<[string, string[], (n: number) => string]> = [
    ['one periodic long secret', ['a'.repeat(5000)], (n) => 'a'.repeat(n)],
    [
      'nested periodic secrets',
      ['aaaa', 'aaaaa', 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(65)],
      (n) => 'a'.repeat(n),
    ],
    [
      'a long secret whose head recurs',
      [`${'ab'.repeat(40)}c${'ab'.repeat(400)}`],
      (n) => `${'ab'.repeat(40)}c`.repeat(Math.ceil(n / 81)).slice(0, n),
    ],
    [
      '1,000 secrets',
      Array.from({ length: 1000 }, (_, i) => randomSecret(10 + (i % 100), i)),
      (n) => randomSecret(n, 99),
    ],
  ];

  it.each(cases)(
    '%s: at most 2n transitions and the documented follow budget',
    (_name, secrets, makeText) => {
      const scanner = new SecretScanner(secrets);
      const steps: number[] = [];
      for (const n of [1_000, 10_000, 100_000]) {
        const text = makeText(n);
        const before = scanCounters.skipChecks + scanCounters.transitions + scanCounters.followSteps;
        expectWithinBound(n, () => scanner.scan(text));
        steps.push(scanCounters.skipChecks + scanCounters.transitions + scanCounters.followSteps - before);
      }
      // Ten times the text, about ten times the work (a quadratic scanner would do a hundred times).
      expect(steps[2]!).toBeGreaterThan(0);
      expect(steps[2]!).toBeLessThanOrEqual(11 * steps[1]!);
    },
  );

  it('the pathological case (hundreds of long secrets sharing a long prefix) caps its work and fails closed', () => {
    const secrets = Array.from({ length: 300 }, (_, i) => `${'a'.repeat(1000)}-${i}`);
    const redactor = new Redactor({ secrets });
    const capped = scanCounters.capped;
    const text = `${'a'.repeat(20_000)} tail`;
    const out = expectWithinBound(text.length, () => redactor.secrets(text));
    expect(scanCounters.capped).toBe(capped + 1);
    // The rest of the text was withheld rather than scanned past the budget.
    expect(out).toBe(REDACTED);
    expect(redactor.secrets('short text, no secret')).toBe('short text, no secret');
  });
});

describe('no poisoned state', () => {
  it('a scan that throws midway (while following a long form) leaves the scanner as it was', () => {
    const secret = randomSecret(1000, 31);
    const scanner = new SecretScanner([secret]);
    const text = `${'-'.repeat(100)}${secret}${'-'.repeat(100)}`;
    // A text that fails at unit 600, inside the secret, while the scanner follows it past its head.
    const failing = {
      length: text.length,
      charCodeAt: (i: number) => {
        if (i === 600) throw new Error('read failed');
        return text.charCodeAt(i);
      },
    } as unknown as string;
    expect(() => scanner.scan(failing)).toThrow('read failed');
    expect(scanner.scan(text)).toEqual([100, 1100]);
  });
});

describe('value() and data() at any depth, with keys and cycles', () => {
  const secret = 'deep-secret-value';
  const redactor = new Redactor({ secrets: [secret] });

  it('redacts a value nested 1,000 deep (and 100,000 deep without overflowing the stack)', () => {
    for (const depth of [1_000, 100_000]) {
      let built: unknown = { note: `x ${secret}`, password: 'p' };
      for (let i = 0; i < depth; i++) built = i % 2 ? { child: built } : [built];
      let out = redactor.value(built);
      let data = redactor.data(built);
      for (let i = depth - 1; i >= 0; i--) {
        out = i % 2 ? (out as { child: unknown }).child : (out as unknown[])[0];
        data = i % 2 ? (data as { child: unknown }).child : (data as unknown[])[0];
      }
      expect(out).toEqual({ note: `x ${REDACTED}`, password: REDACTED });
      expect(data).toEqual({ note: `x ${REDACTED}`, password: 'p' });
    }
  });

  it('redacts object keys that contain a secret, numbering keys that collide', () => {
    expect(redactor.value({ [secret]: 1 })).toEqual({ [REDACTED]: 1 });
    expect(redactor.data({ [`id-${secret}`]: { [secret]: true } })).toEqual({
      [`id-${REDACTED}`]: { [REDACTED]: true },
    });
    const out = redactor.value({ [REDACTED]: 0, [secret]: 1, [`${secret}${secret}`]: 2, plain: 3 }) as object;
    expect(Object.entries(out)).toEqual([
      [REDACTED, 0],
      [`${REDACTED}#2`, 1],
      [`${REDACTED}#3`, 2],
      ['plain', 3],
    ]);
  });

  it('handles cycles and shared objects', () => {
    const node: Record<string, unknown> = { name: secret };
    node.self = node;
    node.list = [node, 1];
    const shared = { token: 't', v: secret };
    const out = redactor.value({ node, a: shared, b: shared }) as Record<string, Record<string, unknown>>;
    expect(out.node).toEqual({ name: REDACTED, self: CIRCULAR, list: [CIRCULAR, 1] });
    expect(out.a).toEqual({ token: REDACTED, v: REDACTED });
    expect(out.b).toEqual({ token: REDACTED, v: REDACTED });
    expect(JSON.stringify(redactor.data(node))).toBe(
      JSON.stringify({ name: REDACTED, self: CIRCULAR, list: [CIRCULAR, 1] }),
    );
  });

  it('data() keeps fields by name and redacts only registered secrets; value() still redacts by name', () => {
    const license = 'CLN-1234-5678-ABCD';
    const answer = { key: license, token: 'shown', password: 'shown', n: 3, ok: true, none: null, secret };
    expect(redactor.data(answer)).toEqual({ ...answer, secret: REDACTED });
    expect(redactor.data({ key: secret, keys: [license, `${secret}!`] })).toEqual({
      key: REDACTED,
      keys: [license, `${REDACTED}!`],
    });
    // `key` is no longer a sensitive name, even in data we compose.
    expect(redactor.value(answer)).toEqual({
      ...answer,
      token: REDACTED,
      password: REDACTED,
      secret: REDACTED,
    });
    expect(redactor.data('plain string')).toBe('plain string');
    expect(redactor.data(42)).toBe(42);
  });

  it('a `__proto__` key stays a field', () => {
    const input = JSON.parse(`{"__proto__": {"${secret}": 1}}`) as object;
    const out = redactor.data(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ [REDACTED]: 1 });
  });
});

describe('fail closed', () => {
  const secret = 'failing-secret-42';

  /** Everything of an error a caller could see. */
  function surfaces(error: unknown): string {
    const e = error as Error;
    return [e.message, e.stack, JSON.stringify(e), JSON.stringify(Object.entries(e)), String(e.cause)].join(
      '\n',
    );
  }

  function caught(run: () => unknown): unknown {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  }

  it('a getter or proxy that throws gives a RedactionError with nothing of the input; the next call works', () => {
    const redactor = new Redactor({ secrets: [secret] });
    const getter = {
      get note(): string {
        throw new Error(`getter saw ${secret} and input-marker-1`);
      },
    };
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error(`proxy saw ${secret} and input-marker-2`);
        },
      },
    );
    const stringish = {
      toString: () => {
        throw new Error(`toString saw ${secret} and input-marker-3`);
      },
    };
    const failures = [
      caught(() => redactor.value({ ok: secret, getter })),
      caught(() => redactor.data([proxy])),
      caught(() => redactor.text(stringish as unknown as string)),
    ];
    for (const error of failures) {
      expect(error).toBeInstanceOf(RedactionError);
      expect(error).toBeInstanceOf(Error);
      const e = error as RedactionError;
      expect(e.message).toBe(REDACTION_FAILED);
      expect(e.name).toBe('RedactionError');
      expect(e.cause).toBeUndefined();
      expect(Object.keys(e)).toEqual([]);
      const seen = surfaces(e);
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain('input-marker');
      expect(seen).not.toContain('saw');
    }
    expect(redactor.text(`ok ${secret}`)).toBe(`ok ${REDACTED}`);
    expect(redactor.value({ ok: secret })).toEqual({ ok: REDACTED });
  });
});
