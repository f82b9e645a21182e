import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** This package's name and version (read from package.json, so a version bump never drifts). */
export const PRODUCT: { name: string; version: string } = { name: pkg.name, version: pkg.version };
