// Copied into the temporary consumer project and type-checked there by packaging.test.ts, against the
// declarations installed from the tarballs (a strict NodeNext project, as a TypeScript user would have).
// The @ts-expect-error lines are the point: if a declaration failed to resolve and degraded to `any`, the
// misuse below would compile and the unused directive would fail the check.
import { ConfigError } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import { createIspManagerClient, type IspManagerClient } from '@x/ispmanager';
import { createLunaNodeClient } from '@x/lunanode';
import { buildToolSpecs, createApp, parseOptions, vendorModules } from '@x/mcp-server';
import { lunanodeSandbox, type Simulator } from '@x/testkit';
import { createTuxCareClient } from '@x/tuxcare';
import { createVmManagerClient, where } from '@x/vmmanager';

export async function probe(sim: Simulator<unknown>): Promise<number> {
  const ln = createLunaNodeClient({ env: lunanodeSandbox.settings?.(sim.url) ?? {} });
  const { vms } = await ln.vm.list();
  const first: string | undefined = vms[0]?.vm_id;
  // @ts-expect-error vm_id is required
  await ln.vm.info({});
  // @ts-expect-error the API id is a string
  createLunaNodeClient({ apiId: 42 });

  const isp: IspManagerClient = createIspManagerClient({ env: {} });
  const users = await isp.user.list();
  const names: string[] = users.elements.map((user) => user.name);

  const vm = createVmManagerClient({}, { env: {} });
  const { list } = await vm.host.list({ where: where.cp('name', 'web%') });
  // @ts-expect-error host_id is required
  await vm.host.start({});

  const tc = createTuxCareClient({ env: {} });
  const ips = await tc.ipl.list();
  // @ts-expect-error the ip is required
  await tc.ipl.availability({});

  const modules: readonly VendorModule[] = vendorModules;
  const app = await createApp(parseOptions(['--sandbox'], {}), { vendors: modules });
  await app.close();
  const error: Error = new ConfigError('missing', { setting: 'X_URL' });
  return (
    buildToolSpecs(modules).length +
    list.length +
    ips.length +
    names.length +
    (first ? 1 : 0) +
    error.message.length
  );
}
