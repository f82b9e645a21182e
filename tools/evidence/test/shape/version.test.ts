import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as core from '@x/auth-core';
import * as ispmanager from '@x/ispmanager';
import * as lunanode from '@x/lunanode';
import * as tuxcare from '@x/tuxcare';
import * as vmmanager from '@x/vmmanager';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../../', import.meta.url);
const packages = { 'auth-core': core, tuxcare, lunanode, ispmanager, vmmanager } as const;

function manifest(dir: string): { name: string; version: string } {
  return JSON.parse(readFileSync(new URL(`packages/${dir}/package.json`, root), 'utf8'));
}

describe('each package knows its version without reading package.json at run time', () => {
  it.each(Object.keys(packages))('%s exports the version of its package.json', (dir) => {
    const module = packages[dir as keyof typeof packages] as { VERSION?: unknown };
    expect(module.VERSION).toBe(manifest(dir).version);
  });

  it.each(Object.keys(packages))('%s reads no package.json in its built code', (dir) => {
    for (const file of ['version.js', 'package-version.js']) {
      const built = readFileSync(new URL(`packages/${dir}/dist/${file}`, root), 'utf8');
      expect(built).not.toMatch(/createRequire|['"][./]*package\.json['"]/);
    }
  });

  it('the generated constants match every package.json (scripts/package-version.mjs --check)', () => {
    const script = new URL('scripts/package-version.mjs', root).pathname;
    expect(() =>
      execFileSync(process.execPath, [script, '--check', '--all'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('the User-Agent names the core at its version', () => {
    expect(core.userAgent({ name: '@x/tuxcare', version: '1.2.3' })).toContain(
      `@x/auth-core/${manifest('auth-core').version} `,
    );
  });
});
