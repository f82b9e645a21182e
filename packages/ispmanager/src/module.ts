import type { VendorModule } from '@x/auth-core/projection';
import { type IspManagerCatalog, ispmanagerCatalog } from './catalog.js';
import { createIspManagerClient, ISPMANAGER_ENV } from './client.js';

/**
 * The vendor module the MCP server consumes: the catalog, the settings that configure an account (named as
 * the environment variables) and `connect`, which reads only the settings it is given (never process.env).
 */
export const ispmanagerModule: VendorModule<IspManagerCatalog> = {
  id: 'ispmanager',
  title: 'ISPmanager / COREmanager panels',
  catalog: ispmanagerCatalog,
  settings: {
    required: [ISPMANAGER_ENV.url, ISPMANAGER_ENV.username, ISPMANAGER_ENV.password],
    secret: [ISPMANAGER_ENV.password],
    optional: [
      ISPMANAGER_ENV.auth,
      ISPMANAGER_ENV.format,
      ISPMANAGER_ENV.lang,
      ISPMANAGER_ENV.caFile,
      ISPMANAGER_ENV.fingerprint,
      ISPMANAGER_ENV.insecure,
    ],
  },
  connect(settings, options) {
    return createIspManagerClient({
      ...options,
      env: { ...settings },
      processEnv: options?.processEnv ?? options?.env ?? process.env,
    }).core;
  },
};
