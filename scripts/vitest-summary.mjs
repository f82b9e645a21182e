// Prints the plain closing line "N passed, N failed, N skipped" that CI reads, after vitest's own summary, and
// writes the counts to .test-summary.json in the directory vitest runs in: a package's turbo `test` task
// declares that file as its output, so a cached run restores it and `npm test` (scripts/run.mjs) can add
// every package's counts, cached or not, into one closing line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SUMMARY_FILE = '.test-summary.json';

export default class PlainSummary {
  onTestRunEnd(testModules, unhandledErrors) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    if (unhandledErrors?.length) failed += unhandledErrors.length;
    writeFileSync(join(process.cwd(), SUMMARY_FILE), `${JSON.stringify({ passed, failed, skipped })}\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
