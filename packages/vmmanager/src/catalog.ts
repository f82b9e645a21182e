import { auth } from './endpoints/auth.js';
import { host } from './endpoints/host.js';
import { ip, ipnet, ippool } from './endpoints/network.js';
import { account, cluster, node, os, preset } from './endpoints/platform.js';
import { backup, disk } from './endpoints/storage.js';
import { task } from './endpoints/task.js';

/**
 * Every VMmanager 6 endpoint this package covers, nested by resource. Tool names are
 * `vmmanager_{path joined by _}`, e.g. `vmmanager_host_start`, `vmmanager_task_wait`.
 */
export const vmmanagerCatalog = {
  host,
  disk,
  backup,
  ip,
  ippool,
  ipnet,
  os,
  preset,
  cluster,
  node,
  account,
  task,
  auth,
};

/** The catalog's type. */
export type VmManagerCatalog = typeof vmmanagerCatalog;
