import { type ErrorContext, TimeoutError, TransportError, type XError } from '../errors.js';
import type { Redactor } from '../redact.js';

/** Codes meaning the request never left this machine: safe to repeat even for a create. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'X_TLS_PIN_MISMATCH',
]);

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|X_TLS_)/;

/** Everything the transport knows when it classifies a failure. */
export interface FailureContext extends ErrorContext {
  /** Host and port, for messages. */
  target: string;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  /** Whether response headers had arrived (then the server certainly got the request). */
  responseStarted: boolean;
  redactor: Redactor;
}

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  const top = (error as { code?: unknown } | undefined)?.code;
  return typeof top === 'string' ? top : undefined;
}

/** A copy of a foreign error that is safe to keep as `cause`: redacted message, no foreign fields. */
export function sanitizeCause(error: unknown, redactor: Redactor): Error {
  const message = redactor.text(error instanceof Error ? error.message : String(error));
  const copy = new Error(message);
  const code = codeOf(error);
  if (code) Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  copy.name = error instanceof Error ? error.name : 'Error';
  copy.stack = `${copy.name}: ${message}`;
  return copy;
}

/** Maps an undici / Node failure to a typed, redacted transport or timeout error. */
export function classifyFailure(error: unknown, context: FailureContext): XError {
  const code = codeOf(error);
  const cause = sanitizeCause(error, context.redactor);
  const base = {
    vendor: context.vendor,
    endpoint: context.endpoint,
    request: context.request,
    attempts: context.attempts,
    cause,
  };
  const what = `${context.vendor ?? 'request'} ${context.endpoint ?? ''}`.trim();

  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TimeoutError(
        `${what}: could not connect to ${context.target} within ${context.timeouts.connectMs} ms. ` +
          'Check the URL, the port and any firewall between here and the server.',
        { ...base, phase: 'connect', timeoutMs: context.timeouts.connectMs, mayHaveReachedServer: false },
      );
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError(
        `${what}: ${context.target} did not answer within ${context.timeouts.headersMs} ms. ` +
          'The server may be overloaded; the request may still have been processed.',
        { ...base, phase: 'headers', timeoutMs: context.timeouts.headersMs, mayHaveReachedServer: true },
      );
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError(
        `${what}: ${context.target} stopped sending its answer for ${context.timeouts.bodyMs} ms.`,
        { ...base, phase: 'body', timeoutMs: context.timeouts.bodyMs, mayHaveReachedServer: true },
      );
  }

  if (code === 'UND_ERR_ABORTED') {
    // The caller's and the deadline's aborts are handled before classification, so this is undici giving up
    // on its own: in practice a proxy that refused the CONNECT tunnel.
    return new TransportError(
      `${what}: the proxy refused to connect to ${context.target} (${cause.message}). Nothing was sent. ` +
        'Check HTTPS_PROXY / HTTP_PROXY / NO_PROXY.',
      { ...base, phase: 'proxy', code, mayHaveReachedServer: false },
      false,
    );
  }

  if (code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_NOT_SUPPORTED') {
    // undici refuses such a request before it touches a socket (a header value with a line break, a bad path):
    // a bug in how the request was built, never worth a retry.
    return new TransportError(
      `${what}: the request could not be sent as built (${code}): ${cause.message}. Nothing was sent.`,
      { ...base, phase: 'send', code, mayHaveReachedServer: false },
      false,
    );
  }

  if (code && TLS_CODES.test(code)) {
    const pinned = code === 'X_TLS_PIN_MISMATCH';
    return new TransportError(
      `${what}: TLS with ${context.target} failed (${code}): ${cause.message}. Nothing was sent. ` +
        (pinned
          ? 'If the certificate was renewed on purpose, update fingerprint256.'
          : 'For a self-signed panel certificate, pass its CA as `ca` or pin it with `fingerprint256`.'),
      { ...base, phase: 'tls', code, mayHaveReachedServer: false },
      false,
    );
  }

  if (code && NEVER_SENT.has(code)) {
    const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    return new TransportError(
      dns
        ? `${what}: the host of ${context.target} could not be resolved (${code}). Check the URL.`
        : `${what}: could not connect to ${context.target} (${code}). Check the URL and that the service is up.`,
      { ...base, phase: dns ? 'dns' : 'connect', code, mayHaveReachedServer: false },
    );
  }

  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || context.responseStarted) {
    return new TransportError(
      `${what}: the connection to ${context.target} broke while the answer was arriving (${code ?? 'closed'}).`,
      { ...base, phase: 'receive', code, mayHaveReachedServer: true },
    );
  }

  return new TransportError(
    `${what}: the connection to ${context.target} was closed before an answer (${code ?? cause.message}). ` +
      'The request may have reached the server.',
    { ...base, phase: 'send', code, mayHaveReachedServer: true },
  );
}
