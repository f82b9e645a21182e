/**
 * Starts every stopped VM whose name matches a mask and waits for each start to finish.
 *
 *   VMMANAGER_URL=https://vm.example.com VMMANAGER_EMAIL=... VMMANAGER_PASSWORD=... \
 *     npx tsx examples/start-and-wait.ts 'web%'
 *
 * Try it against the simulator: `x-sandbox` prints the VMMANAGER_* settings of its VMmanager.
 */
import { createVmManagerClient, isXError, TASK_WAIT_MAX_MS, TimeoutError, where } from '../src/index.js';

const mask = process.argv[2] ?? '%';
await using vm = createVmManagerClient();

const { list } = await vm.host.list({
  where: where.and(where.cp('name', mask), where.eq('state', 'stopped')),
  orderby: { field: 'name' },
});
for (const host of list) {
  try {
    const { task } = await vm.host.start({ host_id: host.id });
    // One wait lasts at most 2 minutes (TASK_WAIT_MAX_MS); a TimeoutError means "still running": wait again,
    // up to about 6 minutes in all.
    for (let round = 1; task !== undefined; round++) {
      try {
        await vm.waitForTask(task, { name: 'host_start', timeoutMs: TASK_WAIT_MAX_MS });
        break;
      } catch (error) {
        if (!(error instanceof TimeoutError) || round === 3) throw error;
      }
    }
    console.log(`${host.name}: started`);
  } catch (error) {
    // Errors are typed and redacted: safe to print.
    console.error(`${host.name}: ${isXError(error) ? `${error.kind}: ${error.message}` : String(error)}`);
  }
}
