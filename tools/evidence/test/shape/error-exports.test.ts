import * as core from '@x/auth-core';
import * as ispmanager from '@x/ispmanager';
import * as lunanode from '@x/lunanode';
import * as tuxcare from '@x/tuxcare';
import * as vmmanager from '@x/vmmanager';
import { describe, expect, it } from 'vitest';

const vendors = { tuxcare, lunanode, ispmanager, vmmanager } as const;

/** The core's error classes (XError and every class derived from it) and the `isXError` guard. */
function coreErrorExports(): string[] {
  return Object.entries(core)
    .filter(([name, value]) => {
      if (name === 'isXError') return true;
      return (
        typeof value === 'function' &&
        (value === core.XError || Object.prototype.isPrototypeOf.call(core.XError, value))
      );
    })
    .map(([name]) => name)
    .sort();
}

/** What a vendor package re-exports of the core's errors: the same objects, not look-alikes. */
function errorExportsOf(module: Record<string, unknown>): string[] {
  const names = coreErrorExports();
  return names.filter(
    (name) => module[name] !== undefined && module[name] === (core as Record<string, unknown>)[name],
  );
}

describe('every vendor package re-exports every error class a user catches', () => {
  it('the core has the classes this check looks for', () => {
    expect(coreErrorExports()).toEqual(
      expect.arrayContaining(['ApiError', 'AuthError', 'TimeoutError', 'AbortError', 'XError', 'isXError']),
    );
  });

  it.each(Object.keys(vendors))('%s exports the complete set', (vendor) => {
    const module = vendors[vendor as keyof typeof vendors] as Record<string, unknown>;
    expect(errorExportsOf(module)).toEqual(coreErrorExports());
  });

  it('the four export lists are equal', () => {
    const lists = Object.values(vendors).map((module) => errorExportsOf(module as Record<string, unknown>));
    for (const list of lists) expect(list).toEqual(lists[0]);
  });
});
