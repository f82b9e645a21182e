/**
 * Provision a customer on ISPmanager 6: a user, a site with Let's Encrypt, a database and a one-time login
 * link. Run against the loopback simulator with `x-sandbox`, or a real panel:
 *
 *   ISPMANAGER_URL=https://panel.example.com:1500/ispmgr ISPMANAGER_USERNAME=root ISPMANAGER_PASSWORD=... \
 *   ISPMANAGER_FINGERPRINT=AB:CD:... node --experimental-strip-types examples/provision.ts
 */
import { createIspManagerClient, PanelError } from '@x/ispmanager';

const isp = createIspManagerClient({ auth: 'session' });
try {
  try {
    await isp.user.edit({ mode: 'create', name: 'shop', passwd: 'S3cret&pass', fullname: 'Shop Ltd' });
  } catch (error) {
    if (!(error instanceof PanelError && error.isExists())) throw error; // already provisioned: carry on
  }
  await isp.site.edit({
    mode: 'create',
    site_name: 'shop.example.com',
    site_owner: 'shop',
    site_php_enable: true,
  });
  await isp.letsencrypt.generate({
    domain_name: 'shop.example.com',
    domain: ['shop.example.com', 'www.shop.example.com'],
  });
  await isp.db.edit({
    mode: 'create',
    name: 'shop',
    server: 'MySQL',
    owner: 'shop',
    username: 'shop',
    password: 'Db&pass1',
  });
  for await (const site of isp.items(isp.webdomain.list, { p_cnt: 100 })) console.log(site.name, site.owner);
  const link = await isp.session.newkey({ username: 'shop' });
  console.log('one-time login (treat as a password):', link.url);
} finally {
  await isp.close();
}
