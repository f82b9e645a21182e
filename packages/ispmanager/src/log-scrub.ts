import { type Logger, REDACTED, resolveLogger, silentLogger } from '@x/auth-core';

/**
 * The transport logs a response body (redacted) before the codec has read the session id out of it, so the
 * id of a fresh `func=auth` login would reach a debug log line unredacted: it sits in an XML attribute
 * (`<auth id="...">...</auth>`) or a JSON `"$id"`, which no name-based rule covers. This wrapper scrubs both
 * shapes from every log line of this client. Silence stays silence (no wrapper, no per-call cost).
 */
export function scrubSessionLogger(logger: Logger | undefined, env: NodeJS.ProcessEnv): Logger | undefined {
  const base = resolveLogger(logger, env);
  if (base === silentLogger) return logger;
  const scrub = (text: string) =>
    text
      .replace(/(<auth\b[^>]*>)[^<]*/g, `$1${REDACTED}`)
      .replace(/(<auth\b[^>]*?\bid=")[^"]*"?/g, `$1${REDACTED}"`)
      .replace(/("\$id"\s*:\s*")[^"]*"?/g, `$1${REDACTED}"`)
      .replace(/("auth"\s*:\s*\{[^}]*?"\$"\s*:\s*")[^"]*"?/g, `$1${REDACTED}"`);
  const fields = (value: Record<string, unknown> | undefined) => {
    if (!value) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = typeof item === 'string' ? scrub(item) : item;
    // A successful login answer is nothing but the session id: keep only refusals (useful when debugging).
    if (value.endpoint === 'auth' && typeof out.body === 'string' && !out.body.includes('error'))
      out.body = REDACTED;
    return out;
  };
  const wrap =
    (level: keyof Logger) =>
    (message: string, extra?: Record<string, unknown>): void =>
      base[level](scrub(message), fields(extra));
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
