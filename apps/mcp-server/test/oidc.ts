import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** Scopes the test issuer knows. */
export const SCOPES = ['x.admin', 'x.read', 'x.other'];

/** The test issuer's clients: one per person (client credentials: the token's `sub` is the client id). */
export const CLIENTS = ['alice', 'bob', 'carol', 'nobody'] as const;
const secretOf = (client: string) => `${client}-client-secret-for-tests-only-0123456789`;

/**
 * A real, certified OpenID provider (oidc-provider) on a loopback port, issuing JWT access tokens through
 * the client-credentials grant with RFC 8707 resource indicators: the audience of a token is the
 * `resource` it was asked for.
 */
export async function startIssuer() {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const http = createServer((req, res) => handler?.(req, res));
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const issuer = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: CLIENTS.map((client) => ({
      client_id: client,
      client_secret: secretOf(client),
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      scope: SCOPES.join(' '),
    })),
    scopes: SCOPES,
    jwks: { keys: [jwk] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => ({
          scope: SCOPES.join(' '),
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  });
  handler = provider.callback();

  /** A fresh access token for `client`, for `resource`, with these scopes (none: no scope parameter). */
  const token = async (client: string, resource: string, scope?: string): Promise<string> => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', resource });
    if (scope) body.set('scope', scope);
    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client}:${secretOf(client)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
    });
    const answer = (await response.json()) as { access_token?: string; error?: string };
    if (!answer.access_token) throw new Error(`the test issuer refused: ${JSON.stringify(answer)}`);
    return answer.access_token;
  };

  return {
    issuer,
    token,
    stop: async () => {
      http.closeAllConnections();
      http.close();
      await once(http, 'close');
    },
  };
}
