import { ACTIONS, NAME_ACTIONS, PHRASES, SYNONYM_GROUPS } from './synonyms.js';

/*
 * Offline tool search: BM25 over the enabled tools' names, toolsets, titles, summaries, descriptions and input
 * fields, with a light stemmer and the synonym table of synonyms.ts. No network and no model: the same query
 * ranks the same way everywhere, in well under a millisecond for the whole catalog.
 */

/** What is indexed of one tool. */
export interface SearchDocument {
  name: string;
  toolset: string;
  title: string;
  /** The endpoint's one-line summary. */
  summary: string;
  /** The full tool description (summary plus where ids come from). */
  description: string;
  /** Vendor id and title (`tuxcare`, `TuxCare / CloudLinux`). */
  vendor: string;
  vendorTitle: string;
  effect: string;
  /** Input fields, as listed (name and description). */
  fields: readonly { name: string; description: string }[];
}

/** One ranked match. */
export interface SearchHit<T extends SearchDocument = SearchDocument> {
  doc: T;
  score: number;
}

/** Words that carry no meaning for picking a tool. */
const STOP_WORDS = new Set(
  (
    'a an the to of for on in into at by from with and or is are be been was were it its this that these those ' +
    'my our your their me we us i you he she they them his her can could would should will shall do does did ' +
    'please want need like just some any there here how so than then also via using use about as if not no ' +
    'every each which who whom whose when where why have has had currently right now'
  ).split(' '),
);

/** Words the stemmer leaves alone: a trailing s that is not a plural. */
const KEEP = new Set([
  'dns',
  'sms',
  'ssl',
  'https',
  'status',
  'alias',
  'nagios',
  'os',
  'ns',
  'bus',
  'ips',
  'cms',
]);

const SHORT_PLURALS: Record<string, string> = { vms: 'vm', ips: 'ip', ids: 'id', dbs: 'db', lbs: 'lb' };

/**
 * A light suffix stemmer (plurals, -ing, -ed, a final e): enough that "keys", "deleted" and "creating" meet
 * "key", "delete" and "create", without the over-stemming of a full Porter stemmer on short API words.
 */
export function stem(word: string): string {
  // Three letters are an acronym more often than a plural ("els", "dns", "ssl"), except these.
  if (word.length <= 3 || KEEP.has(word) || /\d/.test(word)) return SHORT_PLURALS[word] ?? word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(x|ch|sh|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  // "stopped" → "stopp" → "stop"; but "all", "ssl", "pass" keep their double letters.
  if (w !== word && /([b-df-hj-km-np-rtv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lower-cased, phrase-normalised words, split on everything but letters and digits; stop words kept. */
function words(text: string): string[] {
  let lower = ` ${text.toLowerCase().replace(/[’`]/g, "'")} `;
  for (const [phrase, word] of PHRASES) {
    if (lower.includes(phrase)) lower = lower.split(phrase).join(` ${word} `);
  }
  return lower.split(/[^a-z0-9]+/).filter((word) => word !== '');
}

/** {@link words} without stop words, stemmed: the terms of the index and of a query. */
export function tokenize(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

/** Stemmed word → the stemmed words of every group it is in (itself excluded). */
function synonymMap(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const group of SYNONYM_GROUPS) {
    const words = [...new Set(group.flatMap((word) => tokenize(word)))];
    for (const word of words) {
      const partners = map.get(word) ?? new Set<string>();
      for (const other of words) if (other !== word) partners.add(other);
      map.set(word, partners);
    }
  }
  return map;
}

let synonyms: Map<string, Set<string>> | undefined;

/** How much each part of a tool counts (BM25F-style field weights). */
const WEIGHTS = {
  name: 3,
  summary: 2,
  title: 1,
  toolset: 1,
  vendor: 1.5,
  description: 1,
  effect: 1,
  fieldName: 0.5,
  fieldDescription: 0.3,
};
/** A synonym's match counts this much of the word's own. */
const SYNONYM_DISCOUNT = 0.6;
/** Added to the tools of the one vendor a task names: "on LunaNode" is a filter in all but name. */
const VENDOR_BONUS = 3;
/** How much an action verb counts as a plain word. */
const ACTION_WORD_WEIGHT = 0.3;

/** Added when the task's verb (see {@link queryAction}) is what the tool does. */
const ACTION_BONUS = 2.5;
const K1 = 1.2;
const B = 0.75;

/** Words a tool's effect stands for, so "remove" prefers delete tools and "show" read tools. */
const EFFECT_WORDS: Record<string, string> = {
  read: 'list show get',
  create: 'create add',
  update: 'update change',
  delete: 'delete remove',
  action: '',
};

let actionWords: { strong: Map<string, string>; weak: Map<string, string> } | undefined;

/**
 * The action a query asks for (create, delete, read, update): an imperative or question word that opens it
 * ("show ...", "which ..."; but not "get", which opens "get a new key" as often as "get the list"), else its
 * first strong verb, else its first weak one.
 */
export function queryAction(query: string): string | undefined {
  const terms = words(query).map(stem);
  actionWords ??= (() => {
    const strong = new Map<string, string>();
    const weak = new Map<string, string>();
    for (const [action, words] of Object.entries(ACTIONS)) {
      for (const word of words.strong) strong.set(stem(word), action);
      for (const word of words.weak) weak.set(stem(word), action);
    }
    return { strong, weak };
  })();
  const { strong, weak } = actionWords;
  const opening = terms[0] ?? '';
  if (strong.has(opening)) return strong.get(opening);
  if (opening !== 'get' && weak.has(opening)) return weak.get(opening);
  return (
    terms.map((term) => strong.get(term)).find(Boolean) ?? terms.map((term) => weak.get(term)).find(Boolean)
  );
}

/** Whether a stemmed term is one of the verbs of {@link ACTIONS}. */
function isActionWord(term: string): boolean {
  queryAction('');
  return Boolean(actionWords?.strong.has(term) || actionWords?.weak.has(term));
}

/** What a tool does, as {@link queryAction} names it: its effect, and what its last name word says. */
function toolActions(doc: SearchDocument): Set<string> {
  const actions = new Set<string>();
  if (doc.effect !== 'action') actions.add(doc.effect);
  for (const action of NAME_ACTIONS[doc.name.split('_').pop() ?? ''] ?? []) actions.add(action);
  return actions;
}

/** A BM25 index over a fixed set of tools; build it once, query it many times. */
export class SearchIndex<T extends SearchDocument = SearchDocument> {
  readonly #docs: readonly T[];
  readonly #tf: Map<string, number>[];
  readonly #length: number[];
  readonly #df = new Map<string, number>();
  readonly #average: number;
  readonly #actions: Set<string>[];
  /** Stemmed word → the vendor it names (its id, its title's words and their synonyms). */
  readonly #vendorWords = new Map<string, string>();

  constructor(docs: readonly T[]) {
    synonyms ??= synonymMap();
    this.#docs = docs;
    this.#tf = docs.map((doc) => {
      const tf = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const term of tokenize(text)) tf.set(term, (tf.get(term) ?? 0) + weight);
      };
      add(doc.name.replace(/_/g, ' '), WEIGHTS.name);
      add(doc.toolset, WEIGHTS.toolset);
      add(doc.title, WEIGHTS.title);
      add(doc.summary, WEIGHTS.summary);
      add(doc.description, WEIGHTS.description);
      add(`${doc.vendor} ${doc.vendorTitle}`, WEIGHTS.vendor);
      add(EFFECT_WORDS[doc.effect] ?? '', WEIGHTS.effect);
      for (const field of doc.fields) {
        add(field.name.replace(/_/g, ' '), WEIGHTS.fieldName);
        add(field.description, WEIGHTS.fieldDescription);
      }
      return tf;
    });
    this.#actions = docs.map(toolActions);
    for (const doc of docs) {
      for (const word of tokenize(`${doc.vendor} ${doc.vendorTitle}`)) {
        if (/^\d+$/.test(word)) continue;
        this.#vendorWords.set(word, doc.vendor);
        for (const partner of synonyms.get(word) ?? []) this.#vendorWords.set(partner, doc.vendor);
      }
    }
    this.#length = this.#tf.map((tf) => [...tf.values()].reduce((sum, n) => sum + n, 0));
    for (const tf of this.#tf)
      for (const term of tf.keys()) this.#df.set(term, (this.#df.get(term) ?? 0) + 1);
    this.#average = this.#length.reduce((sum, n) => sum + n, 0) / Math.max(1, docs.length);
  }

  #idf(term: string): number {
    const df = this.#df.get(term) ?? 0;
    const n = this.#docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * BM25 of one term in one document; `asTerm`: the query word a synonym stands in for. A synonym is worth
   * at most what the word itself would be (the rarer idf of the two would let "new" → "insert" outrank
   * "create" itself), and a word the index never saw takes the synonym's.
   */
  #score(term: string, i: number, asTerm?: string): number {
    const tf = this.#tf[i]?.get(term);
    if (!tf) return 0;
    let idf = this.#idf(term);
    if (asTerm !== undefined && this.#df.has(asTerm)) idf = Math.min(idf, this.#idf(asTerm));
    const norm = 1 - B + (B * (this.#length[i] ?? 0)) / this.#average;
    return (idf * tf * (K1 + 1)) / (tf + K1 * norm);
  }

  /** A query term's best match in one document: itself, or a synonym at a discount. */
  #best(term: string, i: number): { score: number; via: string } {
    let score = this.#score(term, i);
    let via = term;
    for (const partner of synonyms?.get(term) ?? []) {
      const other = SYNONYM_DISCOUNT * this.#score(partner, i, term);
      if (other > score) [score, via] = [other, `${term}~${partner}`];
    }
    // Verbs pick the action (ACTION_BONUS); as words they would also match every "new" in a description.
    if (isActionWord(term)) score *= ACTION_WORD_WEIGHT;
    return { score, via };
  }

  /**
   * The best matches for a query, best first; `keep` filters before ranking (vendor, effect). Each query word
   * counts once, by its best match: itself, or a synonym at a discount.
   */
  /** The vendor a query names, if it names exactly one ("on LunaNode", "KernelCare", "the panel"). */
  #vendorOf(query: string): string | undefined {
    const named = new Set(
      tokenize(query)
        .map((term) => this.#vendorWords.get(term))
        .filter((vendor): vendor is string => vendor !== undefined),
    );
    return named.size === 1 ? [...named][0] : undefined;
  }

  /** How a query scores one tool, term by term: for tuning the synonym table and weights. */
  explain(query: string, name: string): Record<string, number> {
    const i = this.#docs.findIndex((doc) => doc.name === name);
    const out: Record<string, number> = {};
    for (const term of new Set(tokenize(query))) {
      const { score, via } = this.#best(term, i);
      if (score > 0) out[via] = Number(score.toFixed(2));
    }
    const action = queryAction(query);
    if (action !== undefined && this.#actions[i]?.has(action)) out[`action:${action}`] = ACTION_BONUS;
    const vendor = this.#vendorOf(query);
    if (vendor !== undefined && this.#docs[i]?.vendor === vendor) out[`vendor:${vendor}`] = VENDOR_BONUS;
    return out;
  }

  search(query: string, limit: number, keep: (doc: T) => boolean = () => true): SearchHit<T>[] {
    const terms = [...new Set(tokenize(query))];
    const action = queryAction(query);
    const vendor = this.#vendorOf(query);
    const hits: SearchHit<T>[] = [];
    this.#docs.forEach((doc, i) => {
      if (!keep(doc)) return;
      let score = 0;
      for (const term of terms) score += this.#best(term, i).score;
      if (score > 0 && action !== undefined && this.#actions[i]?.has(action)) score += ACTION_BONUS;
      if (score > 0 && vendor !== undefined && doc.vendor === vendor) score += VENDOR_BONUS;
      if (score > 0) hits.push({ doc, score });
    });
    // Ties go to catalog order, so results are stable.
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
