import type { VendorModule } from '@x/auth-core';

/**
 * The vendor packages this server serves. The only place that names them: everything else is derived from
 * each package's VendorModule.
 */
export const vendorModules: readonly VendorModule[] = [];
