import type { VendorModule } from '@x/auth-core/projection';
import { type VmManagerCatalog, vmmanagerCatalog } from './catalog.js';
import { createVmManagerClient } from './client.js';
import { ENV } from './settings.js';

/**
 * VMmanager for generic consumers (the MCP server): catalog, settings and `connect`. Settings are keyed like the
 * environment variables; VMMANAGER_URL is required, plus VMMANAGER_EMAIL and VMMANAGER_PASSWORD or
 * VMMANAGER_TOKEN (connect throws a ConfigError naming them when neither is present).
 */
export const vmmanagerModule: VendorModule<VmManagerCatalog> = {
  id: 'vmmanager',
  title: 'VMmanager 6',
  catalog: vmmanagerCatalog,
  settings: {
    required: [ENV.url],
    optional: [ENV.email, ENV.password, ENV.token, ENV.caFile, ENV.fingerprint, ENV.insecure],
    secret: [ENV.password, ENV.token],
  },
  connect(settings, options) {
    // The settings, not process.env, are the source: an MCP server may hold several accounts.
    return createVmManagerClient({
      ...options,
      env: { ...settings },
      processEnv: options?.processEnv ?? options?.env ?? process.env,
    }).core;
  },
};
