import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every ```ts block of the READMEs compiles against the built packages (scripts/readme-snippets.mjs), so a
// snippet a reader copies works as shown. Needs `npm run build` (npm test builds first).

interface Snippet {
  line: number;
  lang: string;
  code: string;
  skip: boolean;
  dir?: string;
  context: string;
}
/** The part of scripts/readme-snippets.mjs (plain ESM outside every package, so untyped) that this test uses. */
interface ReadmeSnippets {
  extractSnippets(markdown: string): Snippet[];
  checkReadmeSnippets(): Promise<{ checked: number; skipped: number; errors: string[] }>;
}
const script = fileURLToPath(new URL('../../../../scripts/readme-snippets.mjs', import.meta.url));
const { extractSnippets, checkReadmeSnippets } = (await import(script)) as ReadmeSnippets;

describe('README code snippets', () => {
  it('finds ts and js blocks with the comments placed before them, and only those', () => {
    const markdown = [
      '<!-- snippet-context: declare const tc: unknown; -->',
      '',
      '```ts',
      'tc;',
      '```',
      'Prose clears what a comment set up.',
      '```ts no-check',
      'new Transport({ ... });',
      '```',
      '<!-- snippet-in: packages/tuxcare/src -->',
      '<!-- snippet-context:',
      'declare const a: number;',
      '-->',
      '  ```js',
      '  a;',
      '  ```',
      '```sh',
      'npm test',
      '```',
    ].join('\n');
    expect(extractSnippets(markdown)).toEqual([
      {
        line: 3,
        lang: 'ts',
        code: 'tc;',
        skip: false,
        dir: undefined,
        context: 'declare const tc: unknown;',
      },
      { line: 7, lang: 'ts', code: 'new Transport({ ... });', skip: true, dir: undefined, context: '' },
      {
        line: 14,
        lang: 'js',
        code: 'a;',
        skip: false,
        dir: 'packages/tuxcare/src',
        context: 'declare const a: number;',
      },
    ]);
  });

  it('every checked block type-checks with the strict compiler options', async () => {
    const { checked, skipped, errors } = await checkReadmeSnippets();
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(17);
    // Deliberately partial blocks stay rare: each one is code no reader can copy.
    expect(skipped).toBeLessThanOrEqual(2);
  }, 120_000);
});
