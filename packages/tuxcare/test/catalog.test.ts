import { walkCatalog } from '@x/auth-core';
import { effectAnnotations, toolName, toolsetName } from '@x/auth-core/projection';
import { expectCatalogConventions } from '@x/auth-core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tuxcareCatalog, tuxcareModule } from '../src/index.js';
import type { TuxCareRoute } from '../src/route.js';

const entries = walkCatalog<TuxCareRoute>(tuxcareCatalog);

describe('catalog', () => {
  // Tool names are not listed here a second time: the checked-in tool snapshot guards renames, and the test
  // below pins how each name derives from its route.
  it('follows the catalog conventions every vendor shares', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expectCatalogConventions('tuxcare', tuxcareCatalog);
  });

  it('derives each tool name from the route path (extension and path params dropped, - to _)', () => {
    for (const entry of entries) {
      const derived = entry.endpoint.route.path
        .replace(/\.(json|plain)$/, '')
        .replace(/\/\{[^}]+\}/g, '')
        .replace(/^\//, '')
        .split('/')
        .join('_')
        .replace(/-/g, '_');
      // kcare/nagios/{key_id} would collide with the kcare.nagios namespace: it is kcare.nagios.key (README).
      if (entry.id === 'kcare.nagios.key') expect(derived).toBe('kcare_nagios');
      else expect(toolName('tuxcare', entry)).toBe(`tuxcare_${derived}`);
    }
  });

  it('groups tools by product family', () => {
    const sets = new Set(entries.map((entry) => toolsetName('tuxcare', entry)));
    expect([...sets]).toEqual([
      'tuxcare.ab',
      'tuxcare.status',
      'tuxcare.els',
      'tuxcare.im',
      'tuxcare.ipl',
      'tuxcare.kcare',
      'tuxcare.group',
    ]);
  });

  it('converts every output schema to JSON Schema too (for MCP structured results)', () => {
    for (const entry of entries) {
      expect(() => z.toJSONSchema(entry.endpoint.output, { io: 'output' }), entry.id).not.toThrow();
    }
  });

  it('has consistent effects', () => {
    for (const entry of entries) {
      if (/\.(list|check|availability|server|servers)$/.test(entry.id))
        expect(entry.endpoint.effect, entry.id).toBe('read');
      if (/\.(remove|delete)$/.test(entry.id)) expect(entry.endpoint.effect, entry.id).toBe('delete');
    }
    const byId = new Map(entries.map((entry) => [entry.id, entry.endpoint]));
    expect(effectAnnotations(byId.get('els.key.create')!)).toMatchObject({
      readOnlyHint: false,
      idempotentHint: false,
    });
    // ipl/register answers the existing license when it is already registered: safe to repeat.
    expect(effectAnnotations(byId.get('ipl.register')!).idempotentHint).toBe(true);
    // A resize adds its delta each time: never repeated.
    expect(effectAnnotations(byId.get('ab.resize')!).idempotentHint).toBe(false);
  });

  it('uses GET everywhere except the group calls, which use their documented methods', () => {
    const methods = Object.fromEntries(
      entries.map((entry) => [entry.id, entry.endpoint.route.method ?? 'GET']),
    );
    expect(Object.entries(methods).filter(([, method]) => method !== 'GET')).toEqual([
      ['group.create', 'POST'],
      ['group.servers.put', 'PUT'],
      ['group.servers.remove', 'DELETE'],
    ]);
  });

  it('exposes a complete module for generic consumers', () => {
    expect(tuxcareModule.id).toBe('tuxcare');
    expect(tuxcareModule.catalog).toBe(tuxcareCatalog);
    expect(tuxcareModule.settings).toEqual({
      required: ['TUXCARE_LOGIN', 'TUXCARE_SECRET_KEY'],
      optional: ['TUXCARE_BASE_URL'],
      secret: ['TUXCARE_SECRET_KEY'],
    });
  });
});
