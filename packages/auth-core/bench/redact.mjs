// The by-value redaction pass (Redactor.secrets, the linear-cost scanner of src/secret-scan.ts) against the two
// obvious baselines, measured in the same run, interleaved in rounds, as medians:
// - the old approach: one RegExp alternation of every form, longest first (what redact.ts did before the scanner);
// - String#replaceAll once per form, longest first.
// Prints microseconds per call and ratios (ours / baseline; below 1 means ours is faster), and the scanner's
// counted work per text unit. Usage: node bench/redact.mjs [rounds=7]   (after a build: it imports dist/)
import { Redactor } from '../dist/index.js';
// The forms the redactor registers, so the baselines redact exactly the same strings.
import { encodingsOf } from '../dist/redact.js';
import { scanCounters } from '../dist/secret-scan.js';

const rounds = Number(process.argv[2] ?? 7);

function randomText(
  length,
  seed,
  alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&#+:/?=%"',
) {
  let state = seed >>> 0 || 1;
  const out = [];
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    out.push(alphabet[(state >>> 8) % alphabet.length]);
  }
  return out.join('');
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function baselines(secrets) {
  const forms = [...new Set(secrets.flatMap(encodingsOf))].sort((a, b) => b.length - a.length);
  let regexp;
  try {
    const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
    // V8 compiles a RegExp on its first use, so that is where a too-large pattern throws.
    'probe'.replace(pattern, '[REDACTED]');
    regexp = (text) => text.replace(pattern, '[REDACTED]');
  } catch (error) {
    regexp = `fails: ${error.constructor.name} (its message quotes the pattern, ${Math.round(String(error.message).length / 1000)} KB)`;
  }
  const replaceAll = (text) => {
    let out = text;
    for (const form of forms) out = out.replaceAll(form, '[REDACTED]');
    return out;
  };
  return { forms, regexp, replaceAll };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Microseconds per call of fn(text), run for about `budgetMs`. */
function time(fn, text, budgetMs) {
  let calls = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  do {
    fn(text);
    calls++;
    elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  } while (elapsed < budgetMs);
  return (elapsed * 1000) / calls;
}

function scenario(name, secrets, text) {
  const redactor = new Redactor({ secrets });
  const ours = (t) => redactor.secrets(t);
  const { forms, regexp, replaceAll } = baselines(secrets);
  ours(text); // builds the scanner outside the timing (the old pattern is built outside too)
  const expected = replaceAll(text);
  if (ours(text) !== expected) throw new Error(`${name}: outputs differ`);
  const before = { ...scanCounters };
  ours(text);
  const perUnit =
    (scanCounters.transitions - before.transitions + scanCounters.followSteps - before.followSteps) /
    text.length;
  const budgetMs = text.length > 100_000 ? 60 : 25;
  const samples = { ours: [], regexp: [], replaceAll: [] };
  for (let round = 0; round < rounds; round++) {
    samples.ours.push(time(ours, text, budgetMs));
    if (typeof regexp === 'function') samples.regexp.push(time(regexp, text, budgetMs));
    samples.replaceAll.push(time(replaceAll, text, budgetMs));
  }
  const o = median(samples.ours);
  const r = typeof regexp === 'function' ? median(samples.regexp) : undefined;
  const a = median(samples.replaceAll);
  return {
    scenario: name,
    forms: forms.length,
    'text units': text.length,
    'ours µs': o.toFixed(1),
    'old RegExp µs': r === undefined ? regexp : r.toFixed(1),
    'replaceAll µs': a.toFixed(1),
    'ours/RegExp': r === undefined ? '-' : (o / r).toFixed(2),
    'ours/replaceAll': (o / a).toFixed(2),
    'steps/unit': perUnit.toFixed(2),
  };
}

const small = Array.from({ length: 5 }, (_, i) => `pw-${i}-${randomText(20, i + 1)}`);
const large = Array.from({ length: 1000 }, (_, i) => `s${i}-${randomText(16 + (i % 30), i + 100)}`);
const long = [randomText(40_000, 7)];
const logLine = (secrets) => {
  const noise = randomText(2000, 42);
  return `${noise.slice(0, 900)} ${secrets[0]} ${noise.slice(900, 1700)} ${encodeURIComponent(secrets.at(-1))} ${noise.slice(1700)}`;
};
const bigBody = (secrets) => {
  const noise = randomText(1_000_000, 43);
  return `${noise.slice(0, 500_000)}${secrets[0]}${noise.slice(500_000)}`;
};

const rows = [
  scenario('5 secrets, 2 KB text', small, logLine(small)),
  scenario('5 secrets, 1 MB text', small, bigBody(small)),
  scenario('1,000 secrets, 2 KB text', large, logLine(large)),
  scenario('1,000 secrets, 1 MB text', large, bigBody(large)),
  scenario('one 40 KB secret, 2 KB text (no secret in it)', long, randomText(2000, 44)),
  scenario('one 40 KB secret, 1 MB text', long, bigBody(long)),
];
console.log(`redaction by value, node ${process.version}, ${rounds} interleaved rounds, medians`);
console.table(rows);
