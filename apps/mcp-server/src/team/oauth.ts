import {
  type AuthInfo,
  bearerAuthChallengeResponse,
  getOAuthProtectedResourceMetadataUrl,
  OAuthError,
  OAuthErrorCode,
  verifyBearerToken,
} from '@modelcontextprotocol/server';
import type { Account } from '../accounts.js';
import { type AccessRule, type Policy, policyOf } from './access.js';

/** JWS algorithms accepted for access tokens: asymmetric only, so no shared secret can sign one. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'] as const;
/** How far the issuer's clock may run ahead or behind ours when checking `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 5;

/** Who a verified token belongs to, kept in `AuthInfo.extra` for the per-request server. */
export interface Person {
  /** The token's `sub`. */
  subject: string;
  /** The OAuth client that obtained the token (`client_id` or `azp`). */
  clientId: string;
  policy: Policy;
}

/** The verified person of a request, or undefined without OAuth. */
export function personOf(authInfo: AuthInfo | undefined): Person | undefined {
  return authInfo?.extra?.person as Person | undefined;
}

/** The OAuth 2.1 resource-server side of the HTTP endpoint: metadata, challenge, local validation. */
export interface OAuthGate {
  /** The paths the Protected Resource Metadata document is served at. */
  metadataPaths: readonly string[];
  /** RFC 9728 Protected Resource Metadata. */
  metadata: Record<string, unknown>;
  /** The verified token of a request, or the 401/403 answer to send instead. */
  authenticate(authorization: string | undefined): Promise<AuthInfo | Response>;
}

/** Settings of {@link createOAuthGate}. */
export interface OAuthGateOptions {
  issuer: string;
  /** This server's resource URL: tokens must carry it in `aud` (RFC 8707). */
  audience: string;
  rules: readonly AccessRule[];
  accounts: ReadonlyMap<string, readonly Account[]>;
  /** The clock tokens are checked against (tests move it past a token's expiry). */
  now?: () => Date;
}

/**
 * The issuer's metadata: OpenID discovery first, then RFC 8414. Its `issuer` must be the configured one,
 * exactly (a document for another issuer would let that issuer's tokens in).
 */
async function discover(issuer: string): Promise<{ jwks_uri: string; scopes_supported?: string[] }> {
  const base = issuer.replace(/\/$/, '');
  const url = new URL(issuer);
  const candidates = [
    `${base}/.well-known/openid-configuration`,
    `${url.origin}/.well-known/oauth-authorization-server${url.pathname === '/' ? '' : url.pathname}`,
  ];
  const problems: string[] = [];
  for (const candidate of candidates) {
    try {
      const response = await fetch(candidate, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
      if (!response.ok) {
        problems.push(`${candidate}: HTTP ${response.status}`);
        continue;
      }
      const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (document.issuer !== issuer) {
        throw new Error(
          `--oauth-issuer ${issuer}: ${candidate} names another issuer (${String(document.issuer)})`,
        );
      }
      if (typeof document.jwks_uri !== 'string')
        throw new Error(`--oauth-issuer ${issuer}: ${candidate} has no jwks_uri`);
      return document as { jwks_uri: string };
    } catch (error) {
      if ((error as Error).message.startsWith('--oauth-issuer')) throw error;
      problems.push(`${candidate}: ${(error as Error).message}`);
    }
  }
  throw new Error(`--oauth-issuer ${issuer}: no discovery document (${problems.join('; ')})`);
}

/**
 * Builds the gate: finds the issuer's keys through its discovery document (at startup, so a wrong issuer
 * stops the server), then checks every request's token locally: signature against the issuer's JWKS,
 * `iss`, `aud` = this server's resource URL, `exp`, and the person's access rules. Tokens are never sent
 * anywhere, the vendors least of all: vendor calls use the configured accounts' own credentials.
 */
export async function createOAuthGate(options: OAuthGateOptions): Promise<OAuthGate> {
  const { createRemoteJWKSet, jwtVerify } = await import('jose');
  const found = await discover(options.issuer);
  const keys = createRemoteJWKSet(new URL(found.jwks_uri));
  const resource = new URL(options.audience);
  const resourceMetadataUrl = getOAuthProtectedResourceMetadataUrl(resource);
  const scopes = [...new Set(options.rules.flatMap((rule) => (rule.scope ? [rule.scope] : [])))];

  const verifier = {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: [...ALGORITHMS],
          requiredClaims: ['exp', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_S,
          ...(options.now ? { currentDate: options.now() } : {}),
        }));
      } catch (error) {
        // jose's message says which check failed ("exp" claim timestamp check failed); never the token.
        throw new OAuthError(OAuthErrorCode.InvalidToken, describe(error));
      }
      const granted =
        typeof payload.scope === 'string'
          ? payload.scope.split(' ').filter(Boolean)
          : Array.isArray(payload.scp)
            ? payload.scp.filter((item): item is string => typeof item === 'string')
            : [];
      const policy = policyOf(options.rules, options.accounts, granted, payload);
      if (policy.size === 0) {
        throw new OAuthError(
          OAuthErrorCode.InsufficientScope,
          'this token grants no account on this server; ask for one of the scopes in the metadata document',
        );
      }
      const clientId = String(payload.client_id ?? payload.azp ?? '');
      const person: Person = { subject: String(payload.sub), clientId, policy };
      return {
        token,
        clientId,
        scopes: granted,
        expiresAt: payload.exp as number,
        // jose has checked `aud` already; the SDK compares this with expectedResource once more.
        resource,
        extra: { person },
      };
    },
  };

  return {
    // RFC 9728 puts the document for https://host/mcp at /.well-known/oauth-protected-resource/mcp; some
    // clients ask at the bare path, so both answer.
    metadataPaths: [
      ...new Set([new URL(resourceMetadataUrl).pathname, '/.well-known/oauth-protected-resource']),
    ],
    metadata: {
      resource: options.audience,
      authorization_servers: [options.issuer],
      bearer_methods_supported: ['header'],
      ...(scopes.length > 0 ? { scopes_supported: scopes } : {}),
      resource_name: 'x-mcp-server',
    },
    async authenticate(authorization) {
      try {
        return await verifyBearerToken(authorization, {
          verifier,
          expectedResource: resource,
          resourceMetadataUrl,
        });
      } catch (error) {
        return bearerAuthChallengeResponse(error, {
          resourceMetadataUrl,
          ...(scopes.length > 0 ? { requiredScopes: scopes } : {}),
        });
      }
    },
  };
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = (error as { claim?: unknown }).claim;
    if (claim === 'aud') return 'the token was not issued for this server (audience)';
    if (claim === 'iss') return 'the token was not issued by the configured issuer';
    return `the token's "${String(claim)}" claim is not acceptable`;
  }
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY')
    return "the token's signature does not verify against the issuer's keys";
  return 'the token is not a valid access token of the configured issuer';
}
