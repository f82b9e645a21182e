/**
 * Starts every stopped VM whose name matches a mask and waits for each start to finish.
 *
 *   VMMANAGER_URL=https://vm.example.com VMMANAGER_EMAIL=... VMMANAGER_PASSWORD=... \
 *     npx tsx examples/start-and-wait.ts 'web%'
 *
 * Try it against the simulator: `x-sandbox` prints the VMMANAGER_* settings of its VMmanager.
 */
import { createVmManagerClient, isXError, where } from '../src/index.js';

const mask = process.argv[2] ?? '%';
await using vm = createVmManagerClient();

const { list } = await vm.host.list({
  where: where.and(where.cp('name', mask), where.eq('state', 'stopped')),
  orderby: { field: 'name' },
});
for (const host of list) {
  try {
    const { task } = await vm.host.start({ host_id: host.id });
    if (task !== undefined) await vm.waitForTask(task, { name: 'host_start', timeoutMs: 5 * 60_000 });
    console.log(`${host.name}: started`);
  } catch (error) {
    // Errors are typed and redacted: safe to print.
    console.error(`${host.name}: ${isXError(error) ? `${error.kind}: ${error.message}` : String(error)}`);
  }
}
