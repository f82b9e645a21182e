// vitest globalSetup of the mcp-server project: makes sure a redis-server binary exists before any test runs,
// since the replica tests start private Redis servers (test/redis.ts). A fresh CI machine (Debian, root) gets
// it from apt-get here, so `npm test` needs nothing installed by hand. When it cannot be installed the setup
// fails, loudly: the exactly-once and fail-closed tests must never be skipped without anyone noticing.
import { spawnSync } from 'node:child_process';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

export default function setup(): void {
  if (has('redis-server')) return;
  const root = process.getuid?.() === 0;
  if (!root || !has('apt-get')) {
    throw new Error(
      'redis-server is missing and cannot be installed here (needs root and apt-get); install it (apt-get install redis-server, brew install redis) to run the replica tests',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], {
      env,
      stdio: 'inherit',
    }).status === 0;
  // A fresh machine has no package lists yet: update only when the install needs it.
  if (!install()) {
    spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    if (!install()) throw new Error('apt-get install redis-server failed (see the output above)');
  }
  if (!has('redis-server')) throw new Error('apt-get installed redis-server but it is not on PATH');
}
