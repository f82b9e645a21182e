import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the built package in a fresh Node process whose `undici` import is held back by a loader hook, so
// the first call's lazy load is slow for certain (in-process, undici is already loaded: the load is instant).
const DIST = new URL('../dist/index.js', import.meta.url).href;
const SLOW_UNDICI = `export async function resolve(specifier, context, next) {
  if (specifier === 'undici') await new Promise((done) => setTimeout(done, 400));
  return next(specifier, context);
}`;
const REGISTER = `import { register } from 'node:module';
register('data:text/javascript;base64,${Buffer.from(SLOW_UNDICI).toString('base64')}');`;
const SCRIPT = `
import { createServer } from 'node:http';
import { Transport } from ${JSON.stringify(DIST)};
const server = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
server.listen(0, '127.0.0.1', async () => {
  const transport = new Transport({
    vendor: 'demo', product: { name: '@x/demo', version: '0.0.0' }, env: {}, proxy: false,
    timeouts: { headersMs: 150 },
  });
  let requests = 0;
  server.on('request', () => requests++);
  try {
    const answer = await transport.send(
      () => ({ method: 'POST', url: 'http://127.0.0.1:' + server.address().port + '/create', body: 'x=1' }),
      { endpoint: 'thing.create', idempotent: false },
    );
    console.log(JSON.stringify({ status: answer.status, requests }));
  } catch (error) {
    console.log(JSON.stringify({ kind: error.kind, phase: error.phase, requests }));
  }
  await transport.close();
  server.close();
});`;

function run(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        `data:text/javascript;base64,${Buffer.from(REGISTER).toString('base64')}`,
        '--input-type=module',
        '-e',
        SCRIPT,
      ],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}: ${err}`)),
    );
  });
}

describe('the first call of a process', () => {
  it('does not count loading undici against the headers clock', async () => {
    // Regression: the headers clock was armed before the lazy undici import, so a slow first load became a
    // headers TimeoutError claiming a create "may have reached the server" when nothing had been sent.
    expect(JSON.parse(await run())).toEqual({ status: 200, requests: 1 });
  });
});
