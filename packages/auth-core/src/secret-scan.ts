/**
 * The by-value secret scanner behind {@link Redactor}: finds every place a registered secret form occurs in a
 * text, with a cost that is linear in the text whatever the number and length of the secrets.
 *
 * Why not one RegExp alternation of every form: its size grows with the secrets, so a long secret (a 40 KB
 * password) makes it fail to compile, and the SyntaxError quotes the pattern, i.e. every secret.
 *
 * How: an Aho-Corasick automaton over each form's first {@link HEAD} code units (so the automaton is small
 * whatever the secret length), plus, for the forms longer than that, a KMP matcher that is switched on when the
 * automaton sees a form's head and follows that form for as long as at least {@link HEAD} units of it match.
 *
 * - A form of at most HEAD units is redacted where it occurs whole.
 * - A longer form is redacted from where its head starts for as long as its prefix keeps matching: the whole
 *   form when it is all there, its matched part when it is not (a truncated echo of a long secret). Text that
 *   shares HEAD units with the start of a secret reveals it, so redacting it is the fail-closed choice.
 *
 * Where no match is in progress, a Wu-Manber skip table over pairs of units jumps over text in which no match
 * can start (most text holds no secret), up to min(shortest form, HEAD) - 1 units at a time.
 *
 * Bound (n = text length in UTF-16 code units; counted exactly in {@link scanCounters}):
 * - skipping: at most 2n table lookups (each moves the window by at least one unit or hands one unit to the
 *   automaton);
 * - automaton: at most 2n transitions (one per unit it reads plus failure-link hops; a hop lowers the depth,
 *   which rises by at most one per unit);
 * - long-form matching: at most {@link FOLLOW_WORK_PER_UNIT}·n + {@link FOLLOW_WORK_BASE} steps. One followed
 *   form costs at most 2 steps per unit (KMP); only many long forms sharing a long prefix (hundreds of secrets
 *   with the same first 64+ units, all matching at once) can need more. Then the scan stops and the rest of the
 *   text, from HEAD units before the stop, is redacted: over-redaction, never a leak.
 *
 * So one scan does at most (6 + FOLLOW_WORK_PER_UNIT)·n + FOLLOW_WORK_BASE + 1 counted steps, for any number
 * and length of secrets. Building is O(total head length) (the automaton, and a skip table of at most 64 Ki
 * entries); a long form's KMP table is built on demand, only as far as a text ever matched that form, at most
 * 2·|form| steps over the scanner's lifetime. (The Redactor's encodings of a secret are linear in its length.)
 */

/** How many leading code units of a form the automaton holds; longer forms are followed by KMP. */
export const HEAD = 64;

/** Long-form matching budget per code unit of text (16 forms followed at once throughout). */
export const FOLLOW_WORK_PER_UNIT = 32;

/** Long-form matching budget every scan gets regardless of length (head hits of many forms in a short text). */
export const FOLLOW_WORK_BASE = 65_536;

/**
 * Work counters, for tests and the benchmark (a count of steps cannot be flaky, a timing can). Cumulative over
 * every scanner in this module instance; reset them by assigning 0.
 */
export const scanCounters = {
  /** Scanners built. */
  builds: 0,
  /** Code units of heads inserted into automatons. */
  buildUnits: 0,
  /** Skip-table lookups (jumping over text where no match can start). */
  skipChecks: 0,
  /** Automaton transitions (goto plus failure hops). */
  transitions: 0,
  /** Long-form matching steps (KMP comparisons and failure steps, activations). */
  followSteps: 0,
  /** KMP table entries computed (deferred build work). */
  tableSteps: 0,
  /** Scans that ran out of budget and redacted the rest of their text. */
  capped: 0,
};

/** Sorted, disjoint, non-touching `[start, end)` pairs, flattened: `[s0, e0, s1, e1, ...]`. */
export type Intervals = number[];

const ROOT = 0;
const ASCII = 128;

/**
 * Matches a fixed set of secret forms. Its matching state is fixed once built (the on-demand KMP tables only
 * grow, and are written before they are used; the per-scan flags are reset however a scan ends), so one
 * scanner is shared by a redactor and all its per-call copies.
 */
export class SecretScanner {
  // The automaton over heads, as flat arrays: one trie node per distinct head prefix.
  readonly #firstChild: Int32Array;
  readonly #char: Int32Array;
  readonly #fail: Int32Array;
  /** Length of the longest short form (≤ HEAD units) that ends at this node, 0 if none. */
  readonly #shortOut: Int32Array;
  /** Index into #groupStart of the long forms whose head is this node (depth HEAD), -1 if none. */
  readonly #group: Int32Array;
  /** Children of nodes with more than one child (most nodes have one: a chain). */
  readonly #branches: Array<Map<number, number> | undefined>;
  readonly #rootAscii: Int32Array;
  /**
   * Wu-Manber skip table over the first `#window` units of every form, indexed by a hash of two units: how far
   * a window may move when its last two units are that pair (0: a match may end the window here). Lets the
   * scan jump over the stretches where no match is in progress and none can start, which is most text: that
   * is where the time goes. Undefined when a form is a single unit.
   */
  readonly #skip: Uint8Array | undefined;
  readonly #hashShift: number;
  /** min(shortest form, HEAD): the window of the skip table; no match starts fewer units than this from the end. */
  readonly #window: number;
  readonly #groupStart: Int32Array;
  readonly #groupMembers: Int32Array;
  readonly #long: string[];
  /** KMP failure tables of long forms, computed as far as needed (`#tableLen[k]` entries valid). */
  readonly #table: Array<Int32Array | undefined>;
  readonly #tableLen: Int32Array;
  /** 1 while a scan follows that long form (reset when the scan ends, however it ends). */
  readonly #followed: Uint8Array;

  /** Builds the automaton; forms shorter than one unit are ignored (the caller applies its minimum length). */
  constructor(forms: Iterable<string>) {
    const all = [...new Set(forms)].filter((form) => form.length > 0);
    let capacity = 1;
    for (const form of all) capacity += Math.min(HEAD, form.length);
    const firstChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const char = new Int32Array(capacity).fill(-1);
    const ownShort = new Int32Array(capacity);
    const group = new Int32Array(capacity).fill(-1);
    const branches: Array<Map<number, number> | undefined> = [];
    const rootAscii = new Int32Array(ASCII).fill(-1);
    let nodes = 1;
    const longByNode = new Map<number, number[]>();
    const long: string[] = [];

    const child = (node: number, c: number): number => {
      if (node === ROOT && c < ASCII) return rootAscii[c]!;
      const first = firstChild[node]!;
      if (first < 0) return -1;
      if (char[first] === c) return first;
      return branches[node]?.get(c) ?? -1;
    };

    for (const form of all) {
      const head = Math.min(HEAD, form.length);
      let node = ROOT;
      for (let i = 0; i < head; i++) {
        const c = form.charCodeAt(i);
        let next = child(node, c);
        if (next < 0) {
          next = nodes++;
          char[next] = c;
          const first = firstChild[node]!;
          if (first < 0) {
            firstChild[node] = next;
          } else {
            // Keep every child reachable by a lookup: the first one directly, the others through the map.
            let map = branches[node];
            if (!map) {
              map = new Map([[char[first]!, first]]);
              branches[node] = map;
            }
            map.set(c, next);
            nextSibling[next] = nextSibling[first]!;
            nextSibling[first] = next;
          }
          if (node === ROOT && c < ASCII) rootAscii[c] = next;
        }
        node = next;
      }
      scanCounters.buildUnits += head;
      if (form.length <= HEAD) {
        ownShort[node] = form.length;
      } else {
        let members = longByNode.get(node);
        if (!members) {
          members = [];
          longByNode.set(node, members);
        }
        members.push(long.length);
        long.push(form);
      }
    }

    // Failure links and short outputs, breadth first (a node's failure target is shallower, so already done).
    const fail = new Int32Array(nodes);
    const shortOut = new Int32Array(nodes);
    const queue = new Int32Array(nodes);
    let head = 0;
    let tail = 0;
    for (let u = firstChild[ROOT]!; u >= 0; u = nextSibling[u]!) queue[tail++] = u;
    while (head < tail) {
      const u = queue[head++]!;
      shortOut[u] = ownShort[u]! > 0 ? ownShort[u]! : shortOut[fail[u]!]!;
      for (let w = firstChild[u]!; w >= 0; w = nextSibling[w]!) {
        const c = char[w]!;
        let f = fail[u]!;
        let target = child(f, c);
        while (target < 0 && f !== ROOT) {
          f = fail[f]!;
          target = child(f, c);
        }
        fail[w] = target >= 0 ? target : ROOT;
        queue[tail++] = w;
      }
    }

    const groupStart: number[] = [0];
    const groupMembers: number[] = [];
    for (const [node, members] of longByNode) {
      group[node] = groupStart.length - 1;
      groupMembers.push(...members);
      groupStart.push(groupMembers.length);
    }

    this.#firstChild = firstChild.subarray(0, nodes);
    this.#char = char.subarray(0, nodes);
    this.#fail = fail;
    this.#shortOut = shortOut;
    this.#group = group.subarray(0, nodes);
    this.#branches = branches;
    this.#rootAscii = rootAscii;
    this.#groupStart = Int32Array.from(groupStart);
    this.#groupMembers = Int32Array.from(groupMembers);
    this.#long = long;
    let minLength = HEAD;
    for (const form of all) minLength = Math.min(minLength, form.length);
    this.#window = minLength;
    // Sized to the pairs it holds (1 Ki to 64 Ki entries), so it stays sparse for a small per-call scanner and
    // a large one alike; a hash collision only lowers a shift (a needless automaton step), never skips a match.
    let entries = 1024;
    while (entries < 65_536 && entries < 16 * all.length * Math.max(1, minLength - 1)) entries *= 2;
    this.#hashShift = 32 - Math.log2(entries);
    if (minLength >= 2) {
      const skip = new Uint8Array(entries).fill(minLength - 1);
      for (const form of all) {
        for (let j = 0; j + 1 < minLength; j++) {
          const h = pairHash(form.charCodeAt(j), form.charCodeAt(j + 1), this.#hashShift);
          const shift = minLength - 2 - j;
          if (skip[h]! > shift) skip[h] = shift;
        }
      }
      this.#skip = skip;
    }
    this.#table = new Array(long.length);
    this.#tableLen = new Int32Array(long.length);
    this.#followed = new Uint8Array(long.length);
    scanCounters.builds++;
  }

  /** Whether this scanner matches nothing (no forms). */
  get empty(): boolean {
    return this.#firstChild[ROOT]! < 0;
  }

  #child(node: number, c: number): number {
    if (node === ROOT && c < ASCII) return this.#rootAscii[c]!;
    const first = this.#firstChild[node]!;
    if (first < 0) return -1;
    if (this.#char[first] === c) return first;
    return this.#branches[node]?.get(c) ?? -1;
  }

  /**
   * The KMP table of long form `k`, valid at least up to prefix length `upTo`. Entry q is the longest proper
   * border of the form's first q units. Extended incrementally (the standard amortised loop, resumed), and
   * `#tableLen` is raised only after the entries are written, so an exception leaves no half-valid state.
   */
  #ensureTable(k: number, upTo: number): Int32Array {
    let table = this.#table[k];
    const valid = this.#tableLen[k]!;
    if (table && valid >= upTo) return table;
    const form = this.#long[k]!;
    if (!table || table.length <= upTo) {
      const size = Math.min(form.length + 1, Math.max(upTo + 1, 2 * (table?.length ?? 0), 2 * HEAD + 2));
      const grown = new Int32Array(size);
      if (table) grown.set(table.subarray(0, valid + 1));
      table = grown;
    }
    let q = valid;
    if (q === 0) {
      table[1] = 0;
      q = 1;
    }
    let steps = 0;
    while (q < upTo) {
      const c = form.charCodeAt(q);
      let b = table[q]!;
      while (b > 0 && form.charCodeAt(b) !== c) {
        b = table[b]!;
        steps++;
      }
      if (form.charCodeAt(b) === c) b++;
      q++;
      table[q] = b;
      steps++;
    }
    this.#table[k] = table;
    this.#tableLen[k] = q;
    scanCounters.tableSteps += steps;
    return table;
  }

  /** The intervals of `text` to redact (see the module comment for what matches and the cost bound). */
  scan(text: string): Intervals {
    const n = text.length;
    const out: Intervals = [];
    if (n === 0 || this.empty) return out;
    // Appends [s, e) and merges it with the intervals it touches; ends never decrease, so only the tail merges.
    // `count` tracks the live length: truncating the array itself on every merge made V8 reallocate it.
    let count = 0;
    const emit = (s: number, e: number): void => {
      if (count > 0 && out[count - 1]! >= s) {
        if (out[count - 2]! <= s) {
          out[count - 1] = e;
          return;
        }
        while (count > 0 && out[count - 1]! >= s) {
          if (out[count - 2]! < s) s = out[count - 2]!;
          count -= 2;
        }
      }
      out[count++] = s;
      out[count++] = e;
    };

    const fail = this.#fail;
    const shortOut = this.#shortOut;
    const group = this.#group;
    const long = this.#long;
    const followed = this.#followed;
    const followForm: number[] = [];
    const followLen: number[] = [];
    const budget = FOLLOW_WORK_PER_UNIT * n + FOLLOW_WORK_BASE;
    let work = 0;
    let transitions = 0;
    let skipChecks = 0;
    let node = ROOT;

    const skip = this.#skip;
    const hashShift = this.#hashShift;
    const window = this.#window;
    let capped = false;
    let i = 0;
    try {
      scan: for (; i < n; i++) {
        if (node === ROOT && followForm.length === 0) {
          // Nothing in progress: jump to the next place a match can start (Wu-Manber: a shift never passes the
          // end of a form's first `window` units, so this is exact, not a heuristic).
          let end = i + window - 1;
          if (end >= n) break;
          if (skip) {
            for (;;) {
              skipChecks++;
              const shift = skip[pairHash(text.charCodeAt(end - 1), text.charCodeAt(end), hashShift)]!;
              if (shift === 0) break;
              end += shift;
              if (end >= n) break scan;
            }
            i = end - window + 1;
          }
        }
        const c = text.charCodeAt(i);
        let next = this.#child(node, c);
        transitions++;
        while (next < 0 && node !== ROOT) {
          node = fail[node]!;
          next = this.#child(node, c);
          transitions++;
        }
        node = next < 0 ? ROOT : next;

        // Advance every followed long form by one unit (KMP), dropping those that fall below HEAD matched units:
        // the automaton sees the head again if they come back.
        for (let a = 0; a < followForm.length; ) {
          const k = followForm[a]!;
          const form = long[k]!;
          let j = followLen[a]!;
          let table = this.#table[k]!;
          let alive = true;
          for (;;) {
            if (++work > budget) {
              capped = true;
              break scan;
            }
            if (form.charCodeAt(j) === c) {
              j++;
              break;
            }
            j = table[j]!;
            if (j < HEAD) {
              alive = false;
              break;
            }
          }
          if (alive) {
            if (j > this.#tableLen[k]!) table = this.#ensureTable(k, j);
            emit(i + 1 - j, i + 1);
            if (j === form.length) {
              j = table[j]!;
              alive = j >= HEAD;
            }
          }
          if (alive) {
            followLen[a] = j;
            a++;
          } else {
            followed[k] = 0;
            const last = followForm.length - 1;
            followForm[a] = followForm[last]!;
            followLen[a] = followLen[last]!;
            followForm.length = last;
            followLen.length = last;
          }
        }

        const short = shortOut[node]!;
        if (short > 0) emit(i + 1 - short, i + 1);

        const g = group[node]!;
        if (g >= 0) {
          // A head of long forms just ended here: follow each of them from HEAD matched units.
          emit(i + 1 - HEAD, i + 1);
          const end = this.#groupStart[g + 1]!;
          for (let m = this.#groupStart[g]!; m < end; m++) {
            if (++work > budget) {
              capped = true;
              break scan;
            }
            const k = this.#groupMembers[m]!;
            if (followed[k] === 1) continue;
            this.#ensureTable(k, HEAD);
            // Listed before marked: the cleanup below finds every marked form in the list.
            followForm.push(k);
            followLen.push(HEAD);
            followed[k] = 1;
          }
        }
      }
    } finally {
      // Also on an exception (out of memory growing a table), so the next scan starts with nothing followed.
      for (const k of followForm) followed[k] = 0;
    }
    if (capped) {
      // Out of budget at unit i: whatever could still belong to a match (it starts at most HEAD units back,
      // or is already emitted) and everything after it is redacted.
      emit(Math.max(0, i - HEAD), n);
      scanCounters.capped++;
    }
    out.length = count;
    scanCounters.skipChecks += skipChecks;
    scanCounters.transitions += transitions;
    scanCounters.followSteps += work;
    return out;
  }
}

/** A bucket of the pair-start bitset: a multiplicative hash of two UTF-16 units, `32 - shift` bits wide. */
function pairHash(c1: number, c2: number, shift: number): number {
  return Math.imul((c1 << 16) | c2, 0x9e3779b1) >>> shift;
}

/** The union of two interval lists (each sorted, disjoint), touching intervals merged. */
export function unionIntervals(a: Intervals, b: Intervals): Intervals {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Intervals = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let s: number;
    let e: number;
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
      s = a[i]!;
      e = a[i + 1]!;
      i += 2;
    } else {
      s = b[j]!;
      e = b[j + 1]!;
      j += 2;
    }
    const len = out.length;
    if (len > 0 && out[len - 1]! >= s) {
      if (e > out[len - 1]!) out[len - 1] = e;
    } else {
      out.push(s, e);
    }
  }
  return out;
}

/** `text` with every interval replaced by `marker`. */
export function applyIntervals(text: string, intervals: Intervals, marker: string): string {
  if (intervals.length === 0) return text;
  if (intervals.length <= 32) {
    // A few pieces: concatenation makes a rope in O(pieces), where join copies the whole text.
    let out = text.slice(0, intervals[0]);
    for (let i = 0; i < intervals.length; i += 2) {
      out += marker + text.slice(intervals[i + 1], i + 2 < intervals.length ? intervals[i + 2] : text.length);
    }
    return out;
  }
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < intervals.length; i += 2) {
    parts.push(text.slice(last, intervals[i]), marker);
    last = intervals[i + 1]!;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
