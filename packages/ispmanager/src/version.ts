import { createRequire } from 'node:module';

// Read from package.json at runtime so a changesets version bump never drifts from the User-Agent.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** This package's name and version, for the User-Agent. */
export const PRODUCT: { readonly name: string; readonly version: string } = Object.freeze({
  name: pkg.name,
  version: pkg.version,
});

/** This package's version. */
export const VERSION: string = pkg.version;
