// Shutdown while a large answer is on its way: the built bin, a real child process over
// stdio. The test stops reading stdout once the answer starts to arrive, so the pipe fills and the rest of the
// answer is still queued inside the child when SIGTERM or stdin EOF reaches it; then it reads again. Every
// line the child wrote must be whole JSON, and a signal must end the process with 128 + its number.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createTuxCareSimulator, type TuxCareSimulator, tuxcareSandbox } from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Enough ELS keys that the answer (several MB) cannot fit in a pipe and the test's read buffer. */
const KEYS = 30_000;

let sim: TuxCareSimulator;
beforeAll(async () => {
  sim = await createTuxCareSimulator().start();
  for (let i = 0; i < KEYS; i++) {
    sim.state.elsKeys.push({
      key: `CELS-${String(i).padStart(24, '0')}`,
      productCode: 'CELS',
      usageLimit: 2,
      description: `bulk key ${i}`,
    });
  }
});
afterAll(() => sim.stop());

const line = (message: object) => `${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`;

/** Starts the bin, asks for the large answer, and calls `interrupt` once its first bytes arrived. */
async function interruptLargeAnswer(interrupt: (child: ChildProcessWithoutNullStreams) => void) {
  const child = spawn(process.execPath, [cli, '--max-result-chars', '100000000'], {
    env: { PATH: process.env.PATH ?? '', ...tuxcareSandbox.settings!(sim.url) },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stdout = '';
  let interrupted = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    // The initialize answer is line 1; anything after it is the start of the tools/call answer.
    if (!interrupted && stdout.indexOf('\n') < stdout.length - 1) {
      interrupted = true;
      child.stdout.pause();
      interrupt(child);
      // Read again once the child has begun its shutdown (it says so on stderr), or has already exited.
      const resume = () => child.stdout.resume();
      void exited.then(resume);
      const poll = setInterval(() => {
        if (stderr.includes('finishing pending output')) {
          clearInterval(poll);
          resume();
        }
      }, 10);
      void exited.then(() => clearInterval(poll));
    }
  });
  child.stdin.write(
    line({
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'shutdown', version: '0' },
      },
    }),
  );
  child.stdin.write(line({ method: 'notifications/initialized' }));
  child.stdin.write(
    line({
      id: 2,
      method: 'tools/call',
      params: { name: 'tuxcare_els_key_list', arguments: { code: 'CELS' } },
    }),
  );
  const [code, signal] = await exited;
  if (!child.stdout.readableEnded) await once(child.stdout, 'end');
  return { code, signal, stdout, stderr, interrupted };
}

/** Every line written parses as JSON; returns the parsed messages. */
function parseLines(stdout: string): Array<{ id?: number; result?: { structuredContent?: unknown } }> {
  const lines = stdout.split('\n');
  expect(lines.at(-1), 'the output ends with a complete line').toBe('');
  return lines.slice(0, -1).map((text, i) => {
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(
        `line ${i + 1} of ${lines.length - 1} is not JSON (${text.length} chars): ${text.slice(-80)}`,
      );
    }
  });
}

describe('the built bin shutting down during a large answer', () => {
  it('on SIGTERM finishes writing the answer, then exits with 143', async () => {
    const run = await interruptLargeAnswer((child) => child.kill('SIGTERM'));
    expect(run.interrupted).toBe(true);
    const messages = parseLines(run.stdout);
    expect(messages.find((message) => message.id === 2)?.result).toBeDefined();
    expect(run.code, run.stderr).toBe(143);
  }, 60_000);

  it('on stdin EOF finishes writing the answer, then exits with 0', async () => {
    const run = await interruptLargeAnswer((child) => child.stdin.end());
    expect(run.interrupted).toBe(true);
    const messages = parseLines(run.stdout);
    expect(messages.find((message) => message.id === 2)?.result).toBeDefined();
    expect(run.code, run.stderr).toBe(0);
  }, 60_000);
});
