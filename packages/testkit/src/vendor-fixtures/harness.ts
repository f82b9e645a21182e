import type { RequestRecord, Simulator } from '../simulator.js';
import { lastRecord, type VendorFixture, type WireCall } from './fixture.js';

/** A test runner's suite hooks (vitest's), passed in so the testkit depends on no runner. */
export interface SuiteHooks {
  beforeAll(fn: () => unknown): void;
  beforeEach(fn: () => unknown): void;
  afterEach(fn: () => unknown): void;
  afterAll(fn: () => unknown): void;
}

/** Options of {@link useFixture}. */
export interface UseFixtureOptions<SimOptions> {
  /** Options of the fixture's simulator (its test pacing stays unless overridden). */
  simulator?: SimOptions;
  /**
   * `'file'` (default): the state is re-seeded before each test and clients live until the file ends.
   * `'test'`: clients made during a test are closed after it, then the state is re-seeded.
   */
  scope?: 'file' | 'test';
}

/** One simulator per test file and the clients made on it; see {@link useFixture}. */
export interface FixtureHarness<State, Client, Extra> {
  /** The running simulator (available from the first `beforeAll` on). */
  readonly sim: Simulator<State>;
  /** A client made with no extra options, once per file. */
  readonly client: Client;
  /** A new client on the simulator; it is closed with the harness's scope. */
  make(extra?: Extra): Client;
  /** The last request the simulator received. */
  last(): RequestRecord;
  /** {@link last}, decoded into the vendor's parameters. */
  wire(): WireCall;
}

/**
 * Per-file setup shared by every vendor's tests: starts the fixture's simulator, makes clients through
 * `connect` (given the simulator's origin and the fixture's demo settings for it), re-seeds the state between
 * tests, and closes every client and the simulator at the end.
 */
export function useFixture<
  State,
  SimOptions extends object,
  Client extends { close(): Promise<void> },
  Extra,
>(
  fixture: VendorFixture<State, SimOptions>,
  hooks: SuiteHooks,
  connect: (url: string, settings: Record<string, string>, extra: Extra | undefined) => Client,
  options: UseFixtureOptions<SimOptions> = {},
): FixtureHarness<State, Client, Extra> {
  const scope = options.scope ?? 'file';
  let sim: Simulator<State> | undefined;
  let first: Client | undefined;
  const fileClients: Client[] = [];
  const testClients: Client[] = [];
  let inTest = false;
  const started = (): Simulator<State> => {
    if (!sim)
      throw new Error(`the ${fixture.id} simulator is not started yet (use it inside a test or hook)`);
    return sim;
  };
  const make = (extra?: Extra): Client => {
    const url = started().url;
    const client = connect(url, fixture.settings(url), extra);
    (scope === 'test' && inTest ? testClients : fileClients).push(client);
    return client;
  };
  hooks.beforeAll(async () => {
    sim = await fixture.simulator(options.simulator).start();
  });
  hooks.beforeEach(() => {
    inTest = true;
    if (scope === 'file') started().reset();
  });
  hooks.afterEach(async () => {
    inTest = false;
    if (scope !== 'test') return;
    await Promise.all(testClients.splice(0).map((client) => client.close()));
    started().reset();
  });
  hooks.afterAll(async () => {
    await Promise.all(fileClients.splice(0).map((client) => client.close()));
    await sim?.stop();
  });
  return {
    get sim() {
      return started();
    },
    get client() {
      if (!first) {
        const wasInTest = inTest;
        inTest = false; // the shared client lives for the whole file
        first = make();
        inTest = wasInTest;
      }
      return first;
    },
    make,
    last: () => lastRecord(started()),
    wire: () => fixture.decode(lastRecord(started())),
  };
}
