import type { VendorFixture } from './fixture.js';
import { ispmanagerFixture } from './ispmanager.js';
import { lunanodeFixture } from './lunanode.js';
import { tuxcareFixture } from './tuxcare.js';
import { vmmanagerFixture } from './vmmanager.js';

export {
  type EndpointProbe,
  FAST_CLIENT_OPTIONS,
  formOf,
  lastRecord,
  type ProbeRequest,
  unique,
  type VendorFixture,
  type VendorId,
  type WireCall,
  withSimulator,
} from './fixture.js';
export { VMMANAGER_TEST_SUSPENDED } from './vmmanager.js';
export { ispmanagerFixture, lunanodeFixture, tuxcareFixture, vmmanagerFixture };

/** Every vendor's fixture, in the sandbox's order. */
export const VENDOR_FIXTURES: readonly VendorFixture[] = [
  tuxcareFixture,
  lunanodeFixture,
  ispmanagerFixture,
  vmmanagerFixture,
] as readonly VendorFixture[];
export { type FixtureHarness, type SuiteHooks, type UseFixtureOptions, useFixture } from './harness.js';
