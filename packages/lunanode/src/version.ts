import { PACKAGE } from './package-version.js';

/** This package's name and version, for the User-Agent (a constant written at build time from package.json). */
export const PRODUCT: { readonly name: string; readonly version: string } = PACKAGE;

/** This package's version. */
export const VERSION: string = PACKAGE.version;
