/**
 * A tour of @x/tuxcare against the loopback simulator (no vendor account, nothing leaves 127.0.0.1):
 *   node examples/sandbox.mjs   (after `pnpm build`)
 * Against the real API, drop the simulator and set TUXCARE_LOGIN / TUXCARE_SECRET_KEY instead.
 */
import { createTuxCareSimulator, TUXCARE_DEMO_ACCOUNT } from '@x/testkit';
import { ApiError, AuthError, createTuxCareClient } from '@x/tuxcare';

const sim = await createTuxCareSimulator().start();
const tc = createTuxCareClient({
  login: TUXCARE_DEMO_ACCOUNT.login,
  secretKey: TUXCARE_DEMO_ACCOUNT.secretKey,
  baseUrl: `${sim.url}/api`,
});

try {
  // ELS / AlmaLinux ESU
  const els = await tc.els.key.create({ code: 'ESU', limit: 2, note: 'alma8 fleet' });
  console.log('ESU key', els.key, 'limit', els.usageLimit);

  // Imunify
  const im = await tc.im.key.create({ code: '360_30', limit: 1 });
  console.log('Imunify key', im.key);

  // IP licenses
  const availability = await tc.ipl.availability({ ip: '203.0.113.50' });
  if (availability.available.includes(16)) {
    const license = await tc.ipl.register({ ip: '203.0.113.50', type: 'kernelcare' });
    console.log('KernelCare IP license created', license.created?.iso);
  }

  // KernelCare and its Nagios API
  const kc = await tc.kcare.key.create({ limit: 10, note: 'web servers' });
  await tc.kcare.key.set_cidr({ key: kc.key, cidr: '203.0.113.0/24, 2001:db8::/48' });
  const report = await tc.kcare.nagios.key({ key: 'WsTs821nSAtiastD' });
  console.log(report.ok ? 'all up to date' : `${report.counts.outofdate} out of date`, report.servers);

  // Backups and groups
  const backup = await tc.ab.im.create({ server_id: 'SSTGZbtLrT99N0Ca', size: 20, datacenter: 'EU2' });
  await tc.ab.resize({ backup_id: backup.backupId, delta: -10 });
  await tc.group.create({ name: 'edge', description: 'Edge nodes' });
  await tc.group.servers.put({ name: 'edge', server_ids: ['s096slukaAtoiAsd'] });

  // A server that does not exist: success with data null, the message reaches us.
  const gone = await tc.kcare.srv.remove({ server_id: 'no-such-server' });
  console.log(gone.found, gone.message); // false 'Server not found'
} catch (error) {
  if (error instanceof AuthError) console.error('credentials refused:', error.message);
  else if (error instanceof ApiError) console.error('vendor said no:', error.vendorMessage);
  else throw error;
} finally {
  await tc.close();
  await sim.stop();
}
