import { isLoopback, parseHost } from '../http.js';

/**
 * Why an `--oauth-issuer` / `--oauth-audience` value is not acceptable, or undefined when it is: an absolute
 * https URL without query or fragment (http only on a loopback host, for local tests). A token's issuer and
 * audience are compared with these strings, so anything a URL parser would rewrite is refused up front.
 */
export function oauthUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://auth.example.com';
  }
  if (url.search || url.hash || url.username || url.password)
    return 'must have no query, fragment or credentials';
  const host = parseHost(url.host)?.host ?? '';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(host)) return undefined;
  return 'must be an https URL (http only on a loopback address)';
}
