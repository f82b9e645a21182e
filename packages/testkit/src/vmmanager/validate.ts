/** Request validators: unknown parameters are refused by name, and every field is checked against its rule. */
import type { SimRequest } from '../request.js';
import { badRequest } from './errors.js';

export function jsonBody(req: SimRequest, allowed: readonly string[]): Record<string, unknown> {
  let body: unknown;
  try {
    // An empty body is an empty object: real clients POST actions and key creation with no body at all.
    body = req.text.trim() ? req.json() : {};
  } catch {
    return badRequest('request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('request body must be a JSON object');
  }
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) badRequest(`unknown parameter ${key}`, key);
  return body as Record<string, unknown>;
}

export function onlyQuery(req: SimRequest, allowed: readonly string[]): void {
  for (const key of req.query.keys())
    if (!allowed.includes(key)) badRequest(`unknown query parameter ${key}`, key);
}

export const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

export function int(body: Record<string, unknown>, field: string, required: true): number;
export function int(body: Record<string, unknown>, field: string, required?: false): number | undefined;
export function int(body: Record<string, unknown>, field: string, required = false): number | undefined {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (!isInt(value)) return badRequest(`${field} must be a positive integer`, field);
  return value;
}

export function text(body: Record<string, unknown>, field: string, required: true): string;
export function text(body: Record<string, unknown>, field: string, required?: false): string | undefined;
export function text(body: Record<string, unknown>, field: string, required = false): string | undefined {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || !value) return badRequest(`${field} must be a non-empty string`, field);
  return value;
}

export function bool(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') return badRequest(`${field} must be true or false`, field);
  return value;
}

/** Checks that every key of an object in a list is known, naming `field[i].key` otherwise. */
export function onlyKeys(
  item: unknown,
  field: string,
  index: number,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return badRequest(`${field}[${index}] must be an object`, `${field}[${index}]`);
  for (const key of Object.keys(item))
    if (!allowed.includes(key))
      badRequest(`unknown parameter ${field}[${index}].${key}`, `${field}[${index}].${key}`);
  return item as Record<string, unknown>;
}
