import { ab } from './endpoints/backups.js';
import { els } from './endpoints/els.js';
import { group } from './endpoints/group.js';
import { im } from './endpoints/imunify.js';
import { ipl } from './endpoints/ipl.js';
import { kcare } from './endpoints/kcare.js';
import { status } from './endpoints/status.js';

/**
 * Every endpoint of the CloudLinux CLN and TuxCare portal API family, declared once. The nesting follows
 * the URL path under `/api` (without extension and path parameters), so the MCP tool names are
 * `tuxcare_els_key_create`, `tuxcare_kcare_nagios_res`, `tuxcare_group_servers_put`, ...
 */
export const tuxcareCatalog = { ab, status, els, im, ipl, kcare, group };

/** The catalog's type. */
export type TuxCareCatalog = typeof tuxcareCatalog;
