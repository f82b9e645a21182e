// Generated from package.json by scripts/package-version.mjs (run by the build); do not edit.

/** This package's name and version, fixed when it was built. */
export const PACKAGE: { readonly name: string; readonly version: string } = Object.freeze({
  name: '@x/auth-core',
  version: '0.1.0',
});
