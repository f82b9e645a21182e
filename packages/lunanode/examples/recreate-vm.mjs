// @ts-check
/**
 * The LunaNode document's "Recreate a VM with the same IP" workflow, with @x/lunanode:
 * find the VM and the image by name, detach the VM's floating IP but keep it on the account, delete the VM,
 * and create a new one with the same hostname, plan and IP.
 *
 * Against the loopback sandbox (no account needed; after `pnpm build`):
 *   node examples/recreate-vm.mjs --sandbox
 * Against a real account (this deletes the VM!):
 *   LUNANODE_API_ID=... LUNANODE_API_KEY=... node examples/recreate-vm.mjs myvm 'Ubuntu 22.04 64-bit (template)'
 */
import { pathToFileURL } from 'node:url';
import { createLunaNodeClient, waitForVmStatus } from '@x/lunanode';

/**
 * Recreates a VM from an image, keeping its hostname, plan and floating IP.
 *
 * @param {import('@x/lunanode').LunaNodeClient} client
 * @param {{ vmName: string; imageName: string; waitIntervalMs?: number }} target
 * @returns {Promise<{ oldVmId: string; newVmId: string; ip: string; info: import('@x/lunanode').VmInfo }>}
 */
export async function recreateVm(client, { vmName, imageName, waitIntervalMs = 5000 }) {
  const same = (/** @type {string | undefined} */ a, /** @type {string} */ b) =>
    (a ?? '').toLowerCase() === b.toLowerCase();

  // Find the target VM and image ids (the document compares names case-insensitively).
  const { vms } = await client.vm.list();
  const vm = vms.find((item) => same(item.name, vmName));
  if (!vm) throw new Error(`No VM named ${vmName}.`);
  const { images } = await client.image.list({ region: vm.region });
  const image = images.find((item) => same(item.name, imageName));
  if (!image) throw new Error(`No image named ${imageName} in ${vm.region}.`);

  // Disassociate the IP address, keeping it on the account.
  const { info, extra } = await client.vm.info({ vm_id: vm.vm_id });
  if (!info.ip) throw new Error(`VM ${vmName} does not have a floating IP.`);
  await client.vm.floatingip_delete({ vm_id: vm.vm_id, ip: info.ip, keep: true });
  await client.vm.delete({ vm_id: vm.vm_id });

  const created = await client.vm.create({
    hostname: info.hostname ?? vmName,
    plan_id: extra?.plan_id ?? vm.plan_id ?? '',
    image_id: image.image_id,
    region: vm.region,
    ip: info.ip,
  });
  const ready = await waitForVmStatus(client, created.vm_id, 'active', { intervalMs: waitIntervalMs });
  return { oldVmId: vm.vm_id, newVmId: created.vm_id, ip: info.ip, info: ready };
}

async function main() {
  const args = process.argv.slice(2);
  const sandbox = args.includes('--sandbox');
  const [vmName = 'myvm', imageName = 'Ubuntu 14.04 64-bit (template)'] = args.filter(
    (arg) => arg !== '--sandbox',
  );
  /** @type {{ stop(): Promise<void> } | undefined} */
  let sim;
  /** @type {Record<string, string>} */
  let settings = {};
  if (sandbox) {
    // @x/testkit is a development dependency: the sandbox simulator of the Dynamic API.
    const { createLunaNodeSimulator, lunanodeSandbox } = await import('@x/testkit');
    const started = await createLunaNodeSimulator({ transitionMs: 500 }).start();
    sim = started;
    settings = { ...(lunanodeSandbox.settings?.(started.url) ?? {}) };
  }
  const client = createLunaNodeClient({
    apiId: settings.LUNANODE_API_ID,
    apiKey: settings.LUNANODE_API_KEY,
    baseUrl: settings.LUNANODE_BASE_URL,
  });
  try {
    const result = await recreateVm(client, { vmName, imageName, waitIntervalMs: sandbox ? 1000 : 5000 });
    console.log(
      `Recreated ${vmName}: ${result.oldVmId} -> ${result.newVmId}, IP ${result.ip}, ${result.info.status}.`,
    );
  } finally {
    await client.close();
    await sim?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
