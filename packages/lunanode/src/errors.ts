import { type ApiError, type RefusalKind, refusalError, type WireResponse } from '@x/auth-core';

/** The vendor key used in errors, tool names and logs. */
export const VENDOR = 'lunanode';

/** Objects whose `invalid <object>` refusal means "it does not exist". */
const NOT_FOUND =
  /^(invalid|unknown) (vm|image|volume|snapshot|floating ip|network|load balancer|lb|member|zone|record|dyn|check|contact|alert|security group|rule|script|key|ssh key|domain|user|alias)\b|\bnot found\b|\bdoes not exist\b/i;

const AUTH = /^authentication failure/i;

/** How LunaNode's refusal texts map to kinds (its refusals all come with HTTP 200). */
const KINDS: ReadonlyArray<{ test: RegExp; kind: RefusalKind; code: string; hint: string }> = [
  {
    test: AUTH,
    kind: 'auth',
    code: 'authentication_failure',
    hint: "Check LUNANODE_API_ID and LUNANODE_API_KEY, the machine's clock (the nonce is the current time) and the key's allowed source IPs.",
  },
  {
    test: NOT_FOUND,
    kind: 'not-found',
    code: 'not_found',
    hint: 'Check the id with the matching list call.',
  },
];

/**
 * Builds the typed error of a refused LunaNode call (`{"success":"no","error":"..."}`, HTTP 200): an
 * AuthError for the API's "authentication failure" text, a NotFoundError for "invalid vm" and its kin, an
 * ApiError otherwise. The message is already entity-decoded; the core redacts it.
 */
export function lunanodeRefusal(endpoint: string, response: WireResponse, message: string): ApiError {
  const head = `lunanode ${endpoint} failed: ${message}.`;
  const known = KINDS.find((entry) => entry.test.test(message));
  return refusalError(VENDOR, endpoint, response, {
    message,
    kind: known?.kind ?? 'api',
    code: known?.code,
    summary: known ? `${head} ${known.hint}` : head,
  });
}
