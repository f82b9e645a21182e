import {
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  PROTOCOL_VERSION_META_KEY,
  type ServerContext as SdkContext,
} from '@modelcontextprotocol/server';

/**
 * How a call is confirmed: one policy (bound to tool, account and the exact validated arguments, single use,
 * five minutes), three carriers, picked per request from what the client can do.
 *
 * - `input_required`: a 2026-07-28 client that declares elicitation. The first round answers
 *   `resultType: "input_required"` with the question and the bound token as `requestState`; the client
 *   retries with the answer and the state, which is redeemed like a token.
 * - `elicitation`: a 2025-11-25 client that declares it, on a transport that carries server→client requests
 *   (stdio): the server asks mid-call.
 * - `token`: everyone else. The first call returns the preview and a `confirmation_token`.
 */
export type ConfirmationCarrier = 'input_required' | 'elicitation' | 'token';

/** Picks the carrier for one request. `pushes`: the transport can carry a server→client request. */
export function confirmationCarrier(
  pushes: boolean,
  ctx: SdkContext,
  capabilities: ClientCapabilities | undefined,
): ConfirmationCarrier {
  const asks = Boolean(capabilities?.elicitation);
  // The per-request envelope is what a 2026-07-28 request carries and a 2025 one does not.
  if (envelopeOf(ctx)[PROTOCOL_VERSION_META_KEY] !== undefined) return asks ? 'input_required' : 'token';
  return asks && pushes ? 'elicitation' : 'token';
}

function envelopeOf(ctx: SdkContext): Record<string, unknown> {
  return (ctx.mcpReq.envelope ?? {}) as Record<string, unknown>;
}

/** The capabilities the client declared: per request on 2026-07-28, from `initialize` before. */
export function declaredCapabilities(
  ctx: SdkContext,
  initialized: ClientCapabilities | undefined,
): ClientCapabilities | undefined {
  return (envelopeOf(ctx)[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined) ?? initialized;
}
