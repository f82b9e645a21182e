import { billing, plan, region, script, sshkey } from './endpoints/account.js';
import { dns } from './endpoints/dns.js';
import { email } from './endpoints/email.js';
import { image } from './endpoints/image.js';
import { monitor } from './endpoints/monitor.js';
import { floating, lb, network, securitygroup } from './endpoints/network.js';
import { vm } from './endpoints/vm.js';
import { volume } from './endpoints/volume.js';

/**
 * Every LunaNode Dynamic API action, as `category.action` (hyphens in action names become underscores in
 * the key; the route keeps the API's spelling). Tool names follow as `lunanode_{category}_{action}`.
 */
export const lunanodeCatalog = {
  vm,
  dns,
  image,
  volume,
  floating,
  network,
  lb,
  plan,
  region,
  monitor,
  securitygroup,
  script,
  sshkey,
  billing,
  email,
};

/** The catalog's type. */
export type LunaNodeCatalog = typeof lunanodeCatalog;
