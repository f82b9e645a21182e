import type { LunaNodeClient, VmInfo } from '../src/index.js';

/** Types of recreate-vm.mjs, so TypeScript callers (and the test that runs it) are checked. */
export declare function recreateVm(
  client: LunaNodeClient,
  target: { vmName: string; imageName: string; waitIntervalMs?: number },
): Promise<{ oldVmId: string; newVmId: string; ip: string; info: VmInfo }>;
