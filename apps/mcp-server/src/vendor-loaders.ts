import { createRequire } from 'node:module';
import type { VendorModule } from '@x/auth-core/projection';

// Synchronous loading (Node >= 20.19 requires ES modules): the stand-ins of vendor-manifest.ts load a vendor
// from a property getter, the first time a schema is read, which cannot wait for a promise.
const require = createRequire(import.meta.url);

/**
 * How to load each vendor package of vendors.ts on demand, in the same order. vendors.ts imports them eagerly
 * (the library export); this table lets the bin start without them. The build checks that both name the same
 * modules (write-listing-cache.ts).
 */
export const VENDOR_LOADERS: readonly { readonly id: string; load(): VendorModule }[] = [
  { id: 'tuxcare', load: () => (require('@x/tuxcare') as typeof import('@x/tuxcare')).tuxcareModule },
  { id: 'lunanode', load: () => (require('@x/lunanode') as typeof import('@x/lunanode')).lunanodeModule },
  {
    id: 'ispmanager',
    load: () => (require('@x/ispmanager') as typeof import('@x/ispmanager')).ispmanagerModule,
  },
  {
    id: 'vmmanager',
    load: () => (require('@x/vmmanager') as typeof import('@x/vmmanager')).vmmanagerModule,
  },
] as const;
