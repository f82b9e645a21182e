import type { Endpoint } from './endpoint.js';
import { REDACTED } from './redact.js';

/**
 * Masks the output fields an endpoint declares `sensitive` (dotted paths, `[]` for every array item). Vendor
 * data is otherwise never redacted by field name: a field called `key` is a license key the user asked for.
 * Returns a copy; the input is not changed.
 */
export function maskSensitive(endpoint: Pick<Endpoint, 'sensitive'>, value: unknown): unknown {
  let out = value;
  for (const path of endpoint.sensitive ?? []) out = maskPath(out, path.split('.'));
  return out;
}

function maskPath(value: unknown, steps: readonly string[]): unknown {
  const [step, ...rest] = steps;
  if (step === undefined || value === null || typeof value !== 'object') return value;
  const many = step.endsWith('[]');
  const name = many ? step.slice(0, -2) : step;
  const record = value as Record<string, unknown>;
  if (!Object.hasOwn(record, name)) return value;
  const child = record[name];
  const next = (item: unknown): unknown => {
    if (rest.length > 0) return maskPath(item, rest);
    return item === null || item === undefined || item === '' ? item : REDACTED;
  };
  const replaced = many && Array.isArray(child) ? child.map(next) : next(child);
  return Array.isArray(value) ? value : { ...record, [name]: replaced };
}

/**
 * The credentials an answer carries by the endpoint's declaration (`credentials`): the declared top-level
 * output fields that hold a non-empty string, by name.
 */
export function declaredCredentials(
  endpoint: Pick<Endpoint, 'credentials'>,
  value: unknown,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object') return out;
  for (const name of endpoint.credentials ?? []) {
    const field = (value as Record<string, unknown>)[name];
    if (typeof field === 'string' && field !== '') out[name] = field;
  }
  return out;
}
