import { setTimeout as sleep } from 'node:timers/promises';
import { AbortError, ApiError, type CallOptions, TimeoutError } from '@x/auth-core';
import { VENDOR } from './errors.js';
import type { ImageDetails, VmInfo, Volume } from './schemas/resources.js';

/** How long and how often a waiter polls. */
export interface WaitOptions {
  /** Give up after this long (ms); default 600 000 (10 minutes). */
  timeoutMs?: number | undefined;
  /** Pause between polls (ms); default 5 000. */
  intervalMs?: number | undefined;
  /** Stops waiting (and the call in flight) with an AbortError. */
  signal?: AbortSignal | undefined;
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
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const intervalMs = options.intervalMs ?? 5_000;
  const deadline = Date.now() + timeoutMs;
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
  for (;;) {
    if (options.signal?.aborted) throw aborted();
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      last = await read({ signal: options.signal, deadlineMs: remaining });
    } catch (error) {
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
    const pause = Math.min(intervalMs, deadline - Date.now());
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
 * Waits until a VM reaches a status: compared case-insensitively with `status_raw` (`active`, `stopped`,
 * `shelved_offloaded`, ...) and with the panel label `status_nohtml` (`Online`, `Offline`). Default `active`.
 *
 * @returns the VM's last `info`.
 * @throws TimeoutError after `timeoutMs`; AbortError when the signal fires; ApiError when the VM enters `error`.
 */
export async function waitForVmStatus(
  client: Pick<WaiterClient, 'vm'>,
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
  );
  return result.info;
}

/**
 * Waits until a volume is `available` (created, downloaded or detached).
 *
 * @returns the volume's last info.
 * @throws TimeoutError, AbortError; ApiError when the volume enters `error`.
 */
export async function waitForVolumeAvailable(
  client: Pick<WaiterClient, 'volume'>,
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
  );
  return result.volume;
}

/**
 * Waits until an image (a VM snapshot, a fetch, a replica) is `active`.
 *
 * @returns the image's last details.
 * @throws ApiError (code `wait_failed`) when it ends `killed` or `error`; TimeoutError; AbortError.
 */
export async function waitForImageActive(
  client: Pick<WaiterClient, 'image'>,
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
  );
  return result.details;
}
