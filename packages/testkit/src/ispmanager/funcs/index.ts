/**
 * Every function the simulated ISPmanager knows, by `func`: one file per domain, as the client's `endpoints/`
 * are split.
 */
import type { FuncTable } from '../crud.js';
import { databases, dbservers } from './databases.js';
import { domains, records } from './dns.js';
import { ftpusers } from './ftp.js';
import { emaildomains, emails } from './mail.js';
import { jobs } from './scheduler.js';
import { session } from './session.js';
import { siteEdit, webdomains } from './sites.js';
import { certificates } from './ssl.js';
import { info, ips } from './system.js';
import { users } from './users.js';

export const FUNCS: FuncTable = {
  ...users,
  ...webdomains,
  'site.edit': siteEdit,
  ...domains,
  ...records,
  ...emaildomains,
  ...emails,
  ...dbservers,
  ...databases,
  ...ftpusers,
  ...jobs,
  ...ips,
  ...certificates(),
  ...info,
  ...session,
};
