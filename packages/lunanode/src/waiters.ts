import { setTimeout as sleep } from 'node:timers/promises';
import {
  AbortError,
  ApiError,
  type CallOptions,
  type FieldIssue,
  InputError,
  TimeoutError,
  type WaitProgress,
} from '@x/auth-core';
import { VENDOR } from './errors.js';
import type { ImageDetails, VmInfo, Volume } from './schemas/resources.js';

/** Default and ceiling of a waiter's timeout: a VM build or an image fetch can take minutes, never half an hour. */
export const WAIT_DEFAULT_TIMEOUT_MS = 600_000;
export const WAIT_MAX_TIMEOUT_MS = 1_800_000;
/** Default and floor of the pause between polls: each poll is a signed API call on the account's rate limit. */
export const WAIT_DEFAULT_INTERVAL_MS = 5_000;
export const WAIT_MIN_INTERVAL_MS = 1_000;

/** How far a wait has come (the core's progress report, shared by every vendor's waits). */
export type { WaitProgress };

/** How long and how often a waiter polls. */
export interface WaitOptions {
  /** Give up after this long (ms); default 600 000 (10 minutes), at most 1 800 000 (30 minutes). */
  timeoutMs?: number | undefined;
  /** Pause between polls (ms); default 5 000, at least 1 000. */
  intervalMs?: number | undefined;
  /** Stops waiting (and the call in flight) with an AbortError; no poll is sent after it fires. */
  signal?: AbortSignal | undefined;
  /**
   * Called after each poll that did not end the wait. It must not throw (an exception is ignored, so a broken
   * reporter cannot end the wait) and should return quickly.
   */
  onProgress?: ((progress: WaitProgress) => void) | undefined;
}

/**
 * How a client's waits are paced. For tests against a simulator only: production clients leave it unset, and
 * the per-wait {@link WaitOptions} cannot change it.
 */
export interface WaitPacing {
  /** Pause this long between polls instead of `intervalMs` (which stays at least 1 000 ms). */
  intervalMs?: number | undefined;
  /** The clock the deadline is measured on (ms since the epoch); default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The part of a client the waiters use, so any LunaNode client (or a stand-in) fits. */
export interface WaiterClient {
  vm: { info(input: { vm_id: string | number }, options?: CallOptions): Promise<{ info: VmInfo }> };
  volume: {
    info(
      input: { region: string; volume_id: string | number },
      options?: CallOptions,
    ): Promise<{ volume: Volume }>;
  };
  image: {
    details(input: { image_id: string | number }, options?: CallOptions): Promise<{ details: ImageDetails }>;
  };
  /** Test pacing of this client's waits (a stand-in client carries it; see {@link WaitPacing}). */
  readonly waitPacing?: WaitPacing | undefined;
}

/** VM statuses after which waiting for anything else is pointless. */
const VM_FAILED = new Set(['error']);
/** Image statuses that mean the image will never become active. */
const IMAGE_FAILED = new Set(['killed', 'error', 'deleted']);

/**
 * Polls until `done` accepts a value, `failed` names a reason, the timeout passes or the signal fires.
 * Never waits past the deadline; each poll's call gets the remaining time as its own deadline.
 */
async function poll<T>(
  what: string,
  endpoint: string,
  read: (options: CallOptions) => Promise<T>,
  done: (value: T) => boolean,
  failed: (value: T) => string | undefined,
  options: WaitOptions,
  pacing: WaitPacing | undefined,
  statusOf: (value: T) => string | undefined,
): Promise<T> {
  const { timeoutMs, intervalMs: askedIntervalMs } = checkLimits(endpoint, options);
  const intervalMs = Math.max(0, pacing?.intervalMs ?? askedIntervalMs);
  const now = pacing?.now ?? Date.now;
  const started = now();
  const deadline = started + timeoutMs;
  const aborted = () =>
    new AbortError(`Stopped waiting for ${what}: the caller aborted.`, { vendor: VENDOR, endpoint });
  const gaveUp = () =>
    new TimeoutError(`Gave up waiting for ${what} after ${timeoutMs} ms.`, {
      vendor: VENDOR,
      endpoint,
      phase: 'deadline',
      timeoutMs,
      mayHaveReachedServer: true,
    });
  let last: T;
  for (let attempts = 1; ; attempts++) {
    if (options.signal?.aborted) throw aborted();
    const remaining = deadline - now();
    if (remaining <= 0) break;
    try {
      last = await read({ signal: options.signal, deadlineMs: remaining });
    } catch (error) {
      // An abort during a poll ends the wait at once, reported as the wait's own abort.
      if (options.signal?.aborted) throw aborted();
      // Each poll's deadline is the waiter's remaining time, so a poll cut short by it is the waiter timing out.
      if (error instanceof TimeoutError && error.phase === 'deadline') throw gaveUp();
      throw error;
    }
    if (done(last)) return last;
    const reason = failed(last);
    if (reason !== undefined) {
      throw new ApiError(`lunanode: ${what} failed: ${reason}.`, {
        vendor: VENDOR,
        endpoint,
        code: 'wait_failed',
        vendorMessage: reason,
      });
    }
    if (options.signal?.aborted) throw aborted();
    report(options.onProgress, { elapsedMs: now() - started, attempts, status: statusOf(last) });
    const pause = Math.min(intervalMs, deadline - now());
    if (pause <= 0) break;
    try {
      await sleep(pause, undefined, { signal: options.signal });
    } catch {
      throw aborted();
    }
  }
  throw gaveUp();
}

/**
 * The timeout and interval of a wait, checked: a finite timeout of at most {@link WAIT_MAX_TIMEOUT_MS}, an
 * interval of at least {@link WAIT_MIN_INTERVAL_MS}.
 *
 * @throws InputError naming `timeoutMs` or `intervalMs` and the rule; nothing has been sent.
 */
function checkLimits(endpoint: string, options: WaitOptions): { timeoutMs: number; intervalMs: number } {
  const timeoutMs = options.timeoutMs ?? WAIT_DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? WAIT_DEFAULT_INTERVAL_MS;
  const issues: FieldIssue[] = [];
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= WAIT_MAX_TIMEOUT_MS)) {
    issues.push({
      path: 'timeoutMs',
      message: `must be more than 0 and at most ${WAIT_MAX_TIMEOUT_MS} ms (30 minutes); wait again to keep waiting`,
    });
  }
  if (!(Number.isFinite(intervalMs) && intervalMs >= WAIT_MIN_INTERVAL_MS)) {
    issues.push({
      path: 'intervalMs',
      message: `must be at least ${WAIT_MIN_INTERVAL_MS} ms (each poll is an API call)`,
    });
  }
  if (issues.length > 0) {
    throw new InputError(
      `Invalid wait options for lunanode ${endpoint}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}. No request was sent.`,
      { vendor: VENDOR, endpoint, issues },
    );
  }
  return { timeoutMs, intervalMs };
}

/** Hands a progress report to the caller's callback; a callback that throws does not end the wait. */
function report(onProgress: WaitOptions['onProgress'], progress: WaitProgress): void {
  if (!onProgress) return;
  try {
    onProgress(progress);
  } catch {
    // A progress reporter is a side channel: its failure must not turn a running wait into an error.
  }
}

/**
 * Waits until a VM reaches a status: compared case-insensitively with `status_raw` (`active`, `stopped`,
 * `shelved_offloaded`, ...) and with the panel label `status_nohtml` (`Online`, `Offline`). Default `active`.
 *
 * @returns the VM's last `info`.
 * @throws TimeoutError after `timeoutMs`; AbortError when the signal fires; ApiError when the VM enters `error`;
 *   InputError (naming `timeoutMs` or `intervalMs`) when a limit is out of range.
 */
export async function waitForVmStatus(
  client: Pick<WaiterClient, 'vm' | 'waitPacing'>,
  vmId: string | number,
  status: string | readonly string[] = 'active',
  options: WaitOptions = {},
): Promise<VmInfo> {
  const wanted = new Set((typeof status === 'string' ? [status] : status).map((item) => item.toLowerCase()));
  const result = await poll(
    `VM ${vmId} to become ${[...wanted].join(' or ')}`,
    'vm.info',
    (call) => client.vm.info({ vm_id: vmId }, call),
    ({ info }) =>
      wanted.has((info.status_raw ?? '').toLowerCase()) ||
      wanted.has((info.status_nohtml ?? '').toLowerCase()),
    ({ info }) =>
      VM_FAILED.has(info.status_raw ?? '') ? `the VM is in status ${info.status_raw}` : undefined,
    options,
    client.waitPacing,
    ({ info }) => info.status_raw ?? info.status_nohtml,
  );
  return result.info;
}

/**
 * Waits until a volume is `available` (created, downloaded or detached).
 *
 * @returns the volume's last info.
 * @throws TimeoutError, AbortError, InputError; ApiError when the volume enters `error`.
 */
export async function waitForVolumeAvailable(
  client: Pick<WaiterClient, 'volume' | 'waitPacing'>,
  volume: { region: string; volume_id: string | number },
  options: WaitOptions = {},
): Promise<Volume> {
  const result = await poll(
    `volume ${volume.volume_id} to become available`,
    'volume.info',
    (call) => client.volume.info({ region: volume.region, volume_id: volume.volume_id }, call),
    ({ volume: info }) => info.status === 'available',
    ({ volume: info }) =>
      info.status?.startsWith('error') ? `the volume is in status ${info.status}` : undefined,
    options,
    client.waitPacing,
    ({ volume: info }) => info.status,
  );
  return result.volume;
}

/**
 * Waits until an image (a VM snapshot, a fetch, a replica) is `active`.
 *
 * @returns the image's last details.
 * @throws ApiError (code `wait_failed`) when it ends `killed` or `error`; TimeoutError; AbortError; InputError.
 */
export async function waitForImageActive(
  client: Pick<WaiterClient, 'image' | 'waitPacing'>,
  imageId: string | number,
  options: WaitOptions = {},
): Promise<ImageDetails> {
  const result = await poll(
    `image ${imageId} to become active`,
    'image.details',
    (call) => client.image.details({ image_id: imageId }, call),
    ({ details }) => details.status === 'active',
    ({ details }) => (IMAGE_FAILED.has(details.status ?? '') ? `the image is ${details.status}` : undefined),
    options,
    client.waitPacing,
    ({ details }) => details.status,
  );
  return result.details;
}
