import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/*
 * Token counts of listed tools, without the tokenizer at run time. gpt-tokenizer is ~28 MB and only
 * `--list-tools` (and the README's toolset table) shows counts, so it is a devDependency: the build counts
 * every tool definition it can list (write-listing-cache.ts) into dist/listing-tokens.json, and the server
 * looks a definition's count up there. Where the build did not count a definition (other account names, a
 * stale build, no file), the tokenizer is loaded on demand; an install without it shows no count for that
 * definition. Nothing here imports gpt-tokenizer statically, so `npm install --omit=dev` is enough to run.
 */

/** o200k tokens of a text (gpt-tokenizer's `countTokens`). */
export type TokenCounter = (text: string) => number;

/** Where the build writes the counts: next to this module (dist/listing-tokens.json). */
export const TOKEN_COUNTS_FILE: string = fileURLToPath(new URL('./listing-tokens.json', import.meta.url));

/** The module that counts, as `--list-tools` says to install it when it is missing. */
export const TOKENIZER_MODULE = 'gpt-tokenizer';

/** The file's content: per SHA-256 of a definition's compact JSON, its o200k token count. */
export interface TokenCountsFile {
  encoding: 'o200k_base';
  counts: Record<string, number>;
}

/**
 * The key of a definition: the hash of exactly the text that was counted. A count found under it is right
 * whatever build wrote the file, so the file needs no freshness check of its own.
 */
export function definitionKey(tool: object): string {
  return createHash('sha256').update(JSON.stringify(tool)).digest('base64url');
}

/** The counts file for these definitions (the build step). */
export function buildTokenCounts(tools: Iterable<object>, count: TokenCounter): TokenCountsFile {
  const counts: Record<string, number> = {};
  for (const tool of tools) counts[definitionKey(tool)] = count(JSON.stringify(tool));
  return { encoding: 'o200k_base', counts };
}

/** The counts the build wrote, keyed by {@link definitionKey}; empty when the file is missing or unreadable. */
export function readTokenCounts(file: string = TOKEN_COUNTS_FILE): Map<string, number> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as TokenCountsFile;
    if (data.encoding !== 'o200k_base') return new Map();
    return new Map(Object.entries(data.counts));
  } catch {
    return new Map(); // no build output: every count comes from the tokenizer, if it is installed
  }
}

let tokenizer: Promise<TokenCounter | undefined> | undefined;

/**
 * gpt-tokenizer's o200k counter, imported on first use, or `undefined` when it is not installed (an
 * `npm install --omit=dev` of the server). Never throws.
 */
export function loadTokenCounter(): Promise<TokenCounter | undefined> {
  tokenizer ??= import(`${TOKENIZER_MODULE}/encoding/o200k_base`).then(
    (module: { countTokens: TokenCounter }) => module.countTokens,
    () => undefined,
  );
  return tokenizer;
}

let required: TokenCounter | null | undefined;

/**
 * The same counter loaded synchronously, for the synchronous callers (`servedRows`, `toolRows`, which the
 * CLI calls in line): gpt-tokenizer ships a CommonJS build, so `require` loads it on demand like the import
 * above. `undefined` when it is not installed; tried once per process.
 */
export function requireTokenCounter(): TokenCounter | undefined {
  if (required === undefined) {
    try {
      const module = createRequire(import.meta.url)(`${TOKENIZER_MODULE}/encoding/o200k_base`) as {
        countTokens: TokenCounter;
      };
      required = module.countTokens;
    } catch {
      required = null; // the light install: counts only from the build
    }
  }
  return required ?? undefined;
}

/**
 * o200k tokens of a tool definition as tools/list sends it (compact JSON): what it costs in context. Looks
 * the build's counts up first, and counts what the build did not with `counter` (by default the tokenizer,
 * loaded only then, if installed). `undefined`: no count known.
 */
export function toolTokens(
  tool: object,
  counter?: TokenCounter,
  counts: ReadonlyMap<string, number> = buildCounts(),
): number | undefined {
  const known = counts.get(definitionKey(tool));
  if (known !== undefined) return known;
  return (counter ?? requireTokenCounter())?.(JSON.stringify(tool));
}

let built: Map<string, number> | undefined;
/** The build's counts, read once per process. */
function buildCounts(): Map<string, number> {
  built ??= readTokenCounts();
  return built;
}
