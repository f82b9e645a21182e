import type { VendorModule } from '@x/auth-core/projection';
import { ispmanagerModule } from '@x/ispmanager';
import { lunanodeModule } from '@x/lunanode';
import { tuxcareModule } from '@x/tuxcare';
import { vmmanagerModule } from '@x/vmmanager';

/**
 * The vendor packages this server serves. The only place that names them: everything else is derived from
 * each package's VendorModule.
 */
export const vendorModules: readonly VendorModule[] = [
  tuxcareModule,
  lunanodeModule,
  ispmanagerModule,
  vmmanagerModule,
] as readonly VendorModule[];
