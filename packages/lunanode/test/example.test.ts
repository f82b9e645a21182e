import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// The example imports '@x/lunanode', which the workspace aliases to this package's sources.
import { recreateVm } from '../examples/recreate-vm.mjs';
import { lunanodeHarness } from './support.js';

const run = promisify(execFile);

describe('examples/recreate-vm.mjs (the document\'s "recreate a VM with the same IP")', () => {
  const h = lunanodeHarness({ transitionMs: 30 });

  it('recreates myvm from a template with the same hostname, plan and floating IP', async () => {
    const before = await h.client.vm.info({ vm_id: '12102' });
    const result = await recreateVm(h.client, {
      vmName: 'MyVM', // matched case-insensitively, as in the document
      imageName: 'ubuntu 22.04 64-bit (template)',
    });
    expect(result.oldVmId).toBe('12102');
    expect(result.ip).toBe('198.51.100.10');
    const { vms } = await h.client.vm.list();
    expect(vms.map((vm) => vm.vm_id)).not.toContain('12102');
    const after = await h.client.vm.info({ vm_id: result.newVmId });
    expect(after.info).toMatchObject({
      hostname: before.info.hostname,
      ip: '198.51.100.10',
      status_raw: 'active',
    });
    expect(after.extra?.plan_id).toBe(before.extra?.plan_id);
    expect(after.info.image).toBe('Ubuntu 22.04 64-bit (template)');
    // The floating IP was kept (keep=yes) and re-attached, never released.
    const paths = h.sim.log.map((record) => record.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/vm/floatingip-delete/', '/api/vm/delete/', '/api/vm/create/']),
    );
  });

  it('stops before deleting anything when the image does not exist', async () => {
    await expect(recreateVm(h.client, { vmName: 'myvm', imageName: 'No Such OS' })).rejects.toThrow(
      /No image named/,
    );
    expect(h.sim.log.map((record) => record.path)).not.toContain('/api/vm/delete/');
  });
});

describe('the example as a script', () => {
  const built = ['../dist/index.js', '../../testkit/dist/index.js'].every((path) =>
    existsSync(fileURLToPath(new URL(path, import.meta.url))),
  );
  // It imports the built packages (as a user's script would), so it needs `build` first, as `npm test` does.
  it.skipIf(!built)('`node examples/recreate-vm.mjs --sandbox` runs end to end', async () => {
    const script = fileURLToPath(new URL('../examples/recreate-vm.mjs', import.meta.url));
    const { stdout } = await run(process.execPath, [script, '--sandbox'], { timeout: 30_000 });
    expect(stdout).toMatch(/^Recreated myvm: 12102 -> [0-9a-f-]{36}, IP 198\.51\.100\.10, Online\.$/m);
  });
});
