// Test helpers for vendor packages: checks every catalog must pass. Not part of the runtime surface.
export { catalogConventionProblems, expectCatalogConventions } from './conventions.js';
export { type EndpointRow, endpointRows } from './samples.js';
