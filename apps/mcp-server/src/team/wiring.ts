import type { App } from '../app.js';
import type { HttpOptions } from '../http.js';
import type { ServerOptions } from '../options.js';
import { createMcpServer } from '../server.js';
import { parseAccessRules } from './access.js';
import { createOAuthGate, personOf } from './oauth.js';
import { PolicyViews } from './views.js';

/**
 * The parts of the HTTP endpoint that depend on the team setup: the OAuth gate (with `--oauth-issuer`), the
 * per-request server factory (each person's view of the tools), and the readiness check (the ledger).
 * Throws an operator-facing Error on bad configuration (the access rules, an unreachable issuer).
 */
export async function teamHttp(
  app: App,
  options: Pick<ServerOptions, 'oauthIssuer' | 'oauthAudience'>,
  testing: { now?: () => Date } = {},
): Promise<Pick<HttpOptions, 'oauth' | 'ready' | 'createServer'>> {
  const ready = () => app.context.confirmations.ledger.ready();
  if (!options.oauthIssuer || !options.oauthAudience) {
    return { ready, createServer: ({ traceparent }) => createMcpServer(app.registry, { traceparent }) };
  }
  const rules = parseAccessRules(app.config.oauth?.access, app.live);
  const oauth = await createOAuthGate({
    issuer: options.oauthIssuer,
    audience: options.oauthAudience,
    rules,
    accounts: app.live,
    ...testing,
  });
  const views = new PolicyViews(app.registry);
  return {
    oauth,
    ready,
    createServer: ({ authInfo, traceparent }) => {
      const person = personOf(authInfo);
      // The gate lets no request through without a person under OAuth; this is the second lock.
      if (!person) throw new Error('an OAuth request reached the server without a verified person');
      return createMcpServer(views.registryFor(person.policy), {
        person: person.subject,
        client: person.clientId || undefined,
        traceparent,
      });
    },
  };
}
