import { effectAnnotations, walkCatalog } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toolName, toolsetName, tuxcareCatalog, tuxcareModule } from '../src/index.js';
import type { TuxCareRoute } from '../src/route.js';

const entries = walkCatalog<TuxCareRoute>(tuxcareCatalog);

describe('catalog', () => {
  it('names every tool from its URL path (under /api, no extension, no path params, - to _)', () => {
    expect(entries.map((entry) => toolName('tuxcare', entry))).toEqual([
      'tuxcare_ab_list',
      'tuxcare_ab_im_create',
      'tuxcare_ab_resize',
      'tuxcare_ab_remove',
      'tuxcare_status',
      'tuxcare_els_key_create',
      'tuxcare_els_key_update',
      'tuxcare_els_key_remove',
      'tuxcare_els_key_list',
      'tuxcare_els_srv_list',
      'tuxcare_els_srv_remove',
      'tuxcare_im_key_create',
      'tuxcare_im_key_update',
      'tuxcare_im_key_remove',
      'tuxcare_im_key_list',
      'tuxcare_im_srv_list',
      'tuxcare_im_srv_remove',
      'tuxcare_im_srv_convert',
      'tuxcare_ipl_availability',
      'tuxcare_ipl_check',
      'tuxcare_ipl_register',
      'tuxcare_ipl_convert',
      'tuxcare_ipl_remove',
      'tuxcare_ipl_list',
      'tuxcare_ipl_server',
      'tuxcare_ipl_update',
      'tuxcare_kcare_key_create',
      'tuxcare_kcare_key_delete',
      'tuxcare_kcare_key_list',
      'tuxcare_kcare_key_servers',
      'tuxcare_kcare_key_set_cidr',
      'tuxcare_kcare_srv_remove',
      'tuxcare_kcare_nagios_register_key',
      'tuxcare_kcare_nagios_key',
      'tuxcare_kcare_nagios_res',
      'tuxcare_kcare_patchset',
      'tuxcare_group_create',
      'tuxcare_group_list',
      'tuxcare_group_servers_list',
      'tuxcare_group_servers_put',
      'tuxcare_group_servers_remove',
    ]);
    expect(entries.length).toBeGreaterThanOrEqual(40);
    for (const entry of entries) expect(toolName('tuxcare', entry)).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
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

  it('converts every input schema to JSON Schema (MCP inputSchema) without throwing, strict and described', () => {
    for (const entry of entries) {
      const schema = z.toJSONSchema(entry.endpoint.input, { io: 'input' }) as {
        type?: string;
        additionalProperties?: boolean;
        properties?: Record<string, { description?: string }>;
      };
      expect(schema.type, entry.id).toBe('object');
      expect(schema.additionalProperties, entry.id).toBe(false);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description, `${entry.id}.${name} needs a description`).toBeTruthy();
      }
    }
  });

  it('converts every output schema to JSON Schema too (for MCP structured results)', () => {
    for (const entry of entries) {
      expect(() => z.toJSONSchema(entry.endpoint.output, { io: 'output' }), entry.id).not.toThrow();
    }
  });

  it('has one-sentence summaries and consistent effects', () => {
    for (const entry of entries) {
      expect(entry.endpoint.summary, entry.id).toMatch(/^[A-Z].*\.$/);
      expect(['read', 'create', 'update', 'delete', 'action']).toContain(entry.endpoint.effect);
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
