import { PACKAGE } from './package-version.js';

/** This package's version (a constant written at build time from package.json). */
export const VERSION: string = PACKAGE.version;

/**
 * The User-Agent every @x client sends: the vendor package, this core and the runtime, e.g.
 * `@x/tuxcare/0.1.0 @x/auth-core/0.1.0 node/20.19.0`.
 */
export function userAgent(product: { name: string; version: string }, suffix?: string): string {
  const parts = [
    `${product.name}/${product.version}`,
    `${PACKAGE.name}/${PACKAGE.version}`,
    `node/${process.versions.node}`,
  ];
  if (suffix) parts.push(suffix);
  return parts.join(' ');
}
