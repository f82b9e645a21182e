import { ApiError, type ApiErrorDetails, AuthError, NotFoundError, type WireResponse } from '@x/auth-core';

/** The vendor key used in errors, tool names and logs. */
export const VENDOR = 'lunanode';

/** Objects whose `invalid <object>` refusal means "it does not exist". */
const NOT_FOUND =
  /^(invalid|unknown) (vm|image|volume|snapshot|floating ip|network|load balancer|lb|member|zone|record|dyn|check|contact|alert|security group|rule|script|key|ssh key|domain|user|alias)\b|\bnot found\b|\bdoes not exist\b/i;

const AUTH = /^authentication failure/i;

/**
 * Builds the typed error of a refused LunaNode call (`{"success":"no","error":"..."}`, HTTP 200): an
 * AuthError for the API's "authentication failure" text, a NotFoundError for "invalid vm" and its kin, an
 * ApiError otherwise. The message is already entity-decoded; it is redacted here.
 */
export function lunanodeRefusal(endpoint: string, response: WireResponse, message: string): ApiError {
  const vendorMessage = response.redactor.text(message);
  const details: ApiErrorDetails = {
    vendor: VENDOR,
    endpoint,
    status: response.status,
    vendorMessage,
    request: response.request,
    attempts: response.attempts,
  };
  const head = `lunanode ${endpoint} failed: ${vendorMessage}.`;
  if (AUTH.test(message)) {
    return new AuthError(
      `${head} Check LUNANODE_API_ID and LUNANODE_API_KEY, the machine's clock (the nonce is the current time) and the key's allowed source IPs.`,
      { ...details, code: 'authentication_failure' },
    );
  }
  if (NOT_FOUND.test(message)) {
    return new NotFoundError(`${head} Check the id with the matching list call.`, {
      ...details,
      code: 'not_found',
    });
  }
  return new ApiError(head, details);
}
