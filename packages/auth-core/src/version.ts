import { createRequire } from 'node:module';

// Read from package.json at runtime so a changesets version bump can never drift from the User-Agent.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** This package's version. */
export const VERSION: string = pkg.version;

/**
 * The User-Agent every @x client sends: the vendor package, this core and the runtime, e.g.
 * `@x/tuxcare/0.1.0 @x/auth-core/0.1.0 node/20.19.0`.
 */
export function userAgent(product: { name: string; version: string }, suffix?: string): string {
  const parts = [
    `${product.name}/${product.version}`,
    `${pkg.name}/${pkg.version}`,
    `node/${process.versions.node}`,
  ];
  if (suffix) parts.push(suffix);
  return parts.join(' ');
}
