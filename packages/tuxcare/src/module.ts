import type { CommonClientOptions } from '@x/auth-core';
import type { VendorModule } from '@x/auth-core/projection';
import { type TuxCareCatalog, tuxcareCatalog } from './catalog.js';
import { createTuxCareCore, TUXCARE_ENV } from './client.js';

/** The generic face of this package for the MCP server and docs: catalog, settings, connect. */
export const tuxcareModule: VendorModule<TuxCareCatalog> = {
  id: 'tuxcare',
  title: 'TuxCare / CloudLinux',
  catalog: tuxcareCatalog,
  settings: {
    required: [TUXCARE_ENV.login, TUXCARE_ENV.secretKey],
    optional: [TUXCARE_ENV.baseUrl],
    // The login is an account name shown in answers; the secret key is what signs the tokens.
    secret: [TUXCARE_ENV.secretKey],
  },
  connect(settings: Readonly<Record<string, string | undefined>>, options: CommonClientOptions = {}) {
    // The settings are the only source: process.env is not consulted (env: {}), so a missing setting is a
    // ConfigError naming it rather than a silent fallback to whatever the host process has.
    return createTuxCareCore({
      ...options,
      env: {},
      processEnv: options.processEnv ?? options.env ?? process.env,
      login: settings[TUXCARE_ENV.login],
      secretKey: settings[TUXCARE_ENV.secretKey],
      baseUrl: settings[TUXCARE_ENV.baseUrl],
    });
  },
};
