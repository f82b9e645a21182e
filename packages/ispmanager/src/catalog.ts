import { walkCatalog } from '@x/auth-core';
import { call } from './endpoints/call.js';
import { db } from './endpoints/databases.js';
import { domain } from './endpoints/dns.js';
import { ftp } from './endpoints/ftp.js';
import { email, emaildomain } from './endpoints/mail.js';
import { scheduler } from './endpoints/scheduler.js';
import { session } from './endpoints/session.js';
import { site, webdomain } from './endpoints/sites.js';
import { letsencrypt, sslcert } from './endpoints/ssl.js';
import { ipaddr, license, phpversions, whoami } from './endpoints/system.js';
import { user } from './endpoints/users.js';
import type { PanelRoute } from './route.js';

/**
 * The typed ISPmanager 6 functions plus the generic `call`. A path is the panel function with `.list` added
 * for list functions (`user` → `user.list`, `domain.record` → `domain.record.list`), so the MCP tool name is
 * `ispmanager_` + the function with dots as underscores.
 */
export const ispmanagerCatalog = {
  whoami,
  license,
  user,
  site,
  webdomain,
  domain,
  emaildomain,
  email,
  db,
  ftp,
  scheduler,
  sslcert,
  letsencrypt,
  ipaddr,
  phpversions,
  session,
  call,
};

/** The catalog's type. */
export type IspManagerCatalog = typeof ispmanagerCatalog;

let readFuncs: ReadonlySet<string> | undefined;

/**
 * Whether a panel function is one the catalog knows to be a read (a list or an info form), for a caller that
 * wants to tell reads from changes before sending a generic call. The catalog itself declares `call` an
 * action, whatever its `func`.
 */
export function isReadFunc(func: string): boolean {
  readFuncs ??= new Set(
    walkCatalog<PanelRoute>(ispmanagerCatalog)
      .filter((entry) => entry.endpoint.effect === 'read' && !entry.endpoint.route.generic)
      .map((entry) => entry.endpoint.route.func),
  );
  return readFuncs.has(func);
}

/** Whether a generic call is a read: a known read function, not submitted with `sok`. */
export function isReadCall(input: { func: string; sok?: boolean | undefined }): boolean {
  return isReadFunc(input.func) && input.sok !== true;
}
