import {
  type ClientEntryPoints,
  type CommonClientOptions,
  ConfigError,
  clientFacade,
  createVendorClient,
  Redactor,
  readBaseUrl,
  readSetting,
  readTlsSettings,
} from '@x/auth-core';
import { type VmManagerCatalog, vmmanagerCatalog } from './catalog.js';
import { createVmCodec, loginLink, type VmCredentials } from './codec.js';
import type { VmManagerMethods } from './methods.generated.js';
import type { SuspendedRetry } from './retry.js';
import type { Task } from './schemas/objects.js';
import { ENV } from './settings.js';
import type { TaskWaitCallOptions, WaitPacing, WaitProgress } from './tasks.js';
import { PRODUCT } from './version.js';

/** Log in with an account's e-mail and password (the client obtains and renews tokens itself). */
export interface VmManagerPasswordAuth {
  /** Base URL of the panel, e.g. `https://vm.example.com` (env VMMANAGER_URL). */
  url?: string | undefined;
  /** Account e-mail (env VMMANAGER_EMAIL). */
  email?: string | undefined;
  /** Account password (env VMMANAGER_PASSWORD). */
  password?: string | undefined;
  token?: undefined;
}

/** Use an existing token (for instance a long-lived one from `auth.token.create`); it is never renewed. */
export interface VmManagerTokenAuth {
  url?: string | undefined;
  /** The token (env VMMANAGER_TOKEN). */
  token: string;
  email?: undefined;
  password?: undefined;
}

/** Credentials of {@link createVmManagerClient}; each falls back to its environment variable. */
export type VmManagerCredentials = VmManagerPasswordAuth | VmManagerTokenAuth;

/** Client options: the common ones plus VMmanager's 503 policy and token lifetime. */
export interface VmManagerClientOptions extends CommonClientOptions {
  /** The documented 503 ("instance suspended") retries: 10 retries, n × 100 ms apart, by default. */
  suspendedRetry?: SuspendedRetry | undefined;
  /** How long an unused token lives on the server (default 60 minutes; change it if you changed token_ttl). */
  tokenIdleMs?: number | undefined;
  /** The clock of the token cache (ms since epoch; default `Date.now`), for tests; named as in every client. */
  now?: (() => number) | undefined;
  /** @deprecated Use `now`, the clock option's name in every @x client. */
  clock?: (() => number) | undefined;
  /**
   * Tests against a simulator only: poll `task.wait` faster than the 1000 ms floor of its input, or on another
   * clock. Tool inputs and `waitForTask` options cannot lower the floor; this client option can.
   */
  waitPacing?: WaitPacing | undefined;
}

/** Options of {@link VmManagerClient.waitForTask}. */
export interface WaitForTaskOptions {
  /** Task name to disambiguate (`host_create`, ...). */
  name?: string | undefined;
  /** Give up after this long (default 45 s, at most 120 s: call again to keep waiting). */
  timeoutMs?: number | undefined;
  /** Pause between polls (default 2 s, at least 1 s). */
  intervalMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Called after each poll that did not end the wait (elapsed time, polls so far, the task's status). */
  onProgress?: ((progress: WaitProgress) => void) | undefined;
}

/** The VMmanager client: typed methods per catalog entry plus task waiting and the key login link. */
export type VmManagerClient = VmManagerMethods &
  ClientEntryPoints<VmManagerCatalog> & {
    /**
     * Waits until a task (the `task` id an action answered) completes, and returns it.
     * @throws TaskFailedError when it fails, TimeoutError when it is still running after `timeoutMs`,
     *   AbortError when `signal` fires (no poll is sent after that), InputError (naming `timeout_ms` or
     *   `interval_ms`) when a limit is out of range.
     */
    waitForTask(task: number | string, options?: WaitForTaskOptions): Promise<Task>;
    /** The one-time browser login link of a key from `auth.key.create` (no request is made). */
    loginLink(key: string): string;
  };

const FACTORY = 'createVmManagerClient';
const source = (option: string, env: string) => ({ vendor: 'VMmanager', option, env, factory: FACTORY });

function resolveCredentials(credentials: VmManagerCredentials, env: NodeJS.ProcessEnv): VmCredentials {
  const explicitToken = credentials.token?.trim();
  if (explicitToken && (credentials.email || credentials.password)) {
    throw new ConfigError('VMmanager: pass either email and password, or a token, not both.', {
      vendor: 'vmmanager',
      setting: ENV.token,
    });
  }
  if (explicitToken) return { kind: 'token', token: explicitToken };
  const email = readSetting(credentials.email, source('email', ENV.email), env, false);
  const password = readSetting(credentials.password, source('password', ENV.password), env, false);
  if (email && password) return { kind: 'password', email, password };
  if (!email && !password) {
    const token = readSetting(undefined, source('token', ENV.token), env, false);
    if (token) return { kind: 'token', token };
  }
  if (email && !password) readSetting(undefined, source('password', ENV.password), env);
  if (password && !email) readSetting(undefined, source('email', ENV.email), env);
  throw new ConfigError(
    `VMmanager needs credentials: pass email and password (or token) to ${FACTORY}() or set ` +
      `${ENV.email} and ${ENV.password} (or ${ENV.token}).`,
    { vendor: 'vmmanager', setting: ENV.email },
  );
}

/**
 * Creates a VMmanager 6 client.
 * @example
 * ```ts
 * const vm = createVmManagerClient({ url: 'https://vm.example.com', email, password });
 * const { task } = await vm.host.start({ host_id: 12 });
 * await vm.waitForTask(task!, { timeoutMs: 120_000 });
 * ```
 */
export function createVmManagerClient(
  options?: VmManagerCredentials & VmManagerClientOptions,
): VmManagerClient;
/** @deprecated Pass one options object, as to every @x client: `createVmManagerClient({ url, email, password, ...options })`. */
export function createVmManagerClient(
  credentials: VmManagerCredentials,
  options: VmManagerClientOptions,
): VmManagerClient;
export function createVmManagerClient(
  first: VmManagerCredentials & VmManagerClientOptions = {},
  second?: VmManagerClientOptions,
): VmManagerClient {
  // One options object (credentials and client options together); the two-argument form is kept for callers
  // written against it.
  const options: VmManagerCredentials & VmManagerClientOptions =
    second === undefined ? first : ({ ...second, ...first } as VmManagerCredentials & VmManagerClientOptions);
  const credentials: VmManagerCredentials = options;
  const env = options.env ?? process.env;
  const url = readBaseUrl(readSetting(credentials.url, source('url', ENV.url), env), 'VMmanager', ENV.url);
  const auth = resolveCredentials(credentials, env);
  const redactor = new Redactor();
  const tls = options.tls ?? readTlsSettings('VMmanager', ENV, env);
  const vm = createVmCodec({
    baseUrl: url,
    credentials: auth,
    redactor,
    suspendedRetry: options.suspendedRetry,
    tokenIdleMs: options.tokenIdleMs,
    now: options.now ?? options.clock,
  });
  const core = createVendorClient({
    vendor: 'vmmanager',
    product: PRODUCT,
    catalog: vmmanagerCatalog,
    codec: vm.codec,
    options: { ...options, tls },
    redactor,
    secrets: auth.kind === 'password' ? [auth.password] : [auth.token],
  });
  vm.link({ transport: core.transport, invoke: core.invoke, pacing: options.waitPacing });
  const facade = clientFacade(core);
  return Object.freeze({
    ...facade,
    waitForTask(task: number | string, wait: WaitForTaskOptions = {}) {
      const callOptions: TaskWaitCallOptions = { signal: wait.signal, onProgress: wait.onProgress };
      return core.invoke(
        'task.wait',
        {
          task,
          ...(wait.name !== undefined && { name: wait.name }),
          ...(wait.timeoutMs !== undefined && { timeout_ms: wait.timeoutMs }),
          ...(wait.intervalMs !== undefined && { interval_ms: wait.intervalMs }),
        },
        callOptions,
      ) as Promise<Task>;
    },
    loginLink: (key: string) => loginLink(url, key),
  }) as VmManagerClient;
}
