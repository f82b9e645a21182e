// Type-checks every ```ts (and ```js) code block of the READMEs (root, packages/*, apps/*) against the built
// workspace packages, with the repository's strict compiler options (tsconfig.base.json), so a snippet a reader
// copies compiles as shown.
//
//   node scripts/readme-snippets.mjs     (after `npm run build`; lists each error and exits 1 if one fails)
//
// Each block is its own module, compiled as if it were a file in tools/evidence/ (whose dependencies are every
// @x package, zod and undici, resolved to their dist/ types as a user's project resolves them). A comment right
// before a block (blank lines between are fine) changes that:
//   <!-- snippet-in: packages/tuxcare/src/endpoints -->  compile it in that folder (relative imports resolve)
//   <!-- snippet-context: declare const ln: import('@x/lunanode').LunaNodeClient; -->
//                                          code put before the block, unseen by readers: what an earlier
//                                          block or the prose already set up (it may span lines)
// An info string `ts no-check` skips a block: only for code that is deliberately partial.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKED = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);
const DEFAULT_DIR = 'tools/evidence';

/** The READMEs whose snippets are checked, relative to the root. */
export function readmeFiles(root = ROOT) {
  const found = ['README.md'];
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = `${group}/${entry.name}/README.md`;
      try {
        readFileSync(join(root, path));
        found.push(path);
      } catch {
        // a package without a README has nothing to check
      }
    }
  }
  return found;
}

/**
 * The code blocks of one Markdown text: `{ line, lang, code, skip, dir?, context }` with `line` the 1-based
 * line of the opening fence.
 */
export function extractSnippets(markdown) {
  const lines = markdown.split('\n');
  const snippets = [];
  let pending = {};
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = /^(\s*)```(\w*)(.*)$/.exec(line);
    if (fence) {
      const [, indent = '', lang = '', info = ''] = fence;
      const body = [];
      let end = index + 1;
      while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) {
        body.push(
          (lines[end] ?? '').startsWith(indent) ? (lines[end] ?? '').slice(indent.length) : lines[end],
        );
        end++;
      }
      if (CHECKED.has(lang.toLowerCase())) {
        snippets.push({
          line: index + 1,
          lang: lang.toLowerCase(),
          code: body.join('\n'),
          skip: /\bno-check\b/.test(info),
          dir: pending.dir,
          context: pending.context ?? '',
        });
      }
      pending = {};
      index = end;
      continue;
    }
    const comment = /^\s*<!--\s*snippet-(in|context):?([\s\S]*)$/.exec(line);
    if (comment) {
      let text = comment[2] ?? '';
      while (!text.includes('-->') && index + 1 < lines.length) text += `\n${lines[++index]}`;
      const value = text.slice(0, text.indexOf('-->')).trim();
      if (comment[1] === 'in') pending.dir = value;
      else pending.context = value;
      continue;
    }
    if (line.trim() !== '') pending = {};
  }
  return snippets;
}

/**
 * Type-checks the snippets of every README. Returns how many blocks were checked and skipped, and one line
 * per error (`README.md:12: TS2304 Cannot find name 'x'.`).
 */
export async function checkReadmeSnippets(root = ROOT) {
  const ts = (await import(join(root, 'node_modules/typescript/lib/typescript.js'))).default;
  const base = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  if (base.error) throw new Error(ts.flattenDiagnosticMessageText(base.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, join(root, DEFAULT_DIR));
  const options = {
    ...parsed.options,
    noEmit: true,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    // A block without import or export is still a module of its own: names never clash across blocks.
    moduleDetection: ts.ModuleDetectionKind.Force,
    allowJs: true,
    checkJs: true,
  };

  const virtual = new Map();
  let skipped = 0;
  for (const readme of readmeFiles(root)) {
    const slug = readme.replace(/\/?README\.md$/, '').replaceAll('/', '-') || 'root';
    for (const snippet of extractSnippets(readFileSync(join(root, readme), 'utf8'))) {
      if (snippet.skip) {
        skipped++;
        continue;
      }
      const ext = snippet.lang.startsWith('t') ? 'ts' : 'mjs';
      const file = join(root, snippet.dir ?? DEFAULT_DIR, `__readme-${slug}-${snippet.line}.${ext}`);
      const prefix = snippet.context ? `${snippet.context}\n` : '';
      virtual.set(file, { readme, snippet, text: `${prefix}${snippet.code}\n`, offset: lineCount(prefix) });
    }
  }

  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(resolve(name))?.text ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const entry = virtual.get(resolve(name));
    return entry
      ? ts.createSourceFile(name, entry.text, language, true)
      : getSourceFile.call(host, name, language, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);

  const errors = [];
  for (const [file, entry] of virtual) {
    const source = program.getSourceFile(file);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    for (const diagnostic of diagnostics) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      const at = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
      const where =
        at < entry.offset
          ? `${entry.readme}:${entry.snippet.line} (its snippet-context)`
          : `${entry.readme}:${entry.snippet.line + 1 + at - entry.offset}`;
      errors.push(`${where}: TS${diagnostic.code} ${message}`);
    }
  }
  return { checked: virtual.size, skipped, errors };
}

function lineCount(text) {
  return text === '' ? 0 : text.split('\n').length - 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { checked, skipped, errors } = await checkReadmeSnippets();
  for (const error of errors) console.error(error);
  console.log(
    `${checked} README snippets type-checked (${skipped} marked no-check): ${errors.length} errors` +
      (errors.length ? '' : ', all compile'),
  );
  if (errors.length) process.exitCode = 1;
}
