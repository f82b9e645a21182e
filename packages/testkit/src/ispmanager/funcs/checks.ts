/** Shared value checks: domain names (IDN-free, `*` allowed for wildcards) and IP addresses. */
import { isIP } from 'node:net';
import { invalid } from '../context.js';

export const DOMAIN = /^(?!-)[A-Za-z0-9_*-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9_-]{1,63}(?<!-))*$/;

export const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

export function checkDomain(field: string, value: string): string {
  if (value.endsWith('..')) throw invalid(field, value, 'Invalid domain name');
  const name = value.replace(/\.$/, '').toLowerCase();
  if (!DOMAIN.test(name)) throw invalid(field, value, 'Invalid domain name');
  return name;
}

export function checkIp(field: string, value: string): void {
  if (isIP(value) === 0) throw invalid(field, value, 'Invalid IP address');
}
