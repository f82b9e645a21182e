import type { VendorModule } from '@x/auth-core/projection';
import { type LunaNodeCatalog, lunanodeCatalog } from './catalog.js';
import { createLunaNodeCore } from './client.js';
import { VENDOR } from './errors.js';

/**
 * LunaNode for generic consumers (the MCP server, docs): the catalog and how to connect an account from
 * settings named like the environment variables. Only the given settings are read, never `process.env`.
 */
export const lunanodeModule: VendorModule<LunaNodeCatalog> = {
  id: VENDOR,
  title: 'LunaNode',
  catalog: lunanodeCatalog,
  settings: {
    required: ['LUNANODE_API_ID', 'LUNANODE_API_KEY'],
    optional: ['LUNANODE_BASE_URL', 'LUNANODE_MONOTONIC_NONCE'],
    // The API id too: it is half of what signs a request, and LunaNode's own clients keep it private.
    secret: ['LUNANODE_API_ID', 'LUNANODE_API_KEY'],
  },
  connect(settings, options = {}) {
    return createLunaNodeCore(
      {
        ...options,
        processEnv: options.processEnv ?? options.env ?? process.env,
        apiId: settings.LUNANODE_API_ID,
        apiKey: settings.LUNANODE_API_KEY,
        baseUrl: settings.LUNANODE_BASE_URL,
      },
      // Settings are the only source: LUNANODE_MONOTONIC_NONCE is read from them, never from process.env.
      { LUNANODE_MONOTONIC_NONCE: settings.LUNANODE_MONOTONIC_NONCE },
    );
  },
};
