import { type Catalog, type Endpoint, walkCatalog } from '../endpoint.js';

/** One endpoint of a catalog and its sample, for a per-endpoint conformance test. */
export interface EndpointRow<S, R = unknown> {
  /** Dotted id. */
  readonly id: string;
  readonly endpoint: Endpoint<R>;
  /** The endpoint's sample; reading it throws when the table has none, so that endpoint's test fails. */
  readonly sample: S;
}

/**
 * The rows of a per-endpoint conformance table: one per catalog endpoint, in declaration order, so a new
 * endpoint without a sample fails its own test (coverage is asserted by the test, not by a hook), and the
 * sample ids the catalog does not know (`stale`), which a test should expect to be empty.
 * @example
 * ```ts
 * const { rows, stale } = endpointRows(catalog, SAMPLES);
 * it('samples only catalog endpoints', () => expect(stale).toEqual([]));
 * it.each(rows)('$id', async (row) => { await client.invoke(row.id, row.sample.input); });
 * ```
 */
export function endpointRows<S, R = unknown>(
  catalog: Catalog,
  samples: Readonly<Record<string, S>>,
): { rows: EndpointRow<S, R>[]; stale: string[] } {
  const entries = walkCatalog<R>(catalog);
  const known = new Set(entries.map((entry) => entry.id));
  const rows = entries.map(({ id, endpoint }) => ({
    id,
    endpoint,
    get sample(): S {
      if (!Object.hasOwn(samples, id))
        throw new Error(`${id} has no sample: add one to the conformance table`);
      return samples[id] as S;
    },
  }));
  return { rows, stale: Object.keys(samples).filter((id) => !known.has(id)) };
}
