import { effectAnnotations, isIdempotent, toolName, toolsetName, walkCatalog } from '@x/auth-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vmmanagerCatalog, vmmanagerModule } from '../src/index.js';
import type { VmRoute } from '../src/route.js';

const entries = walkCatalog<VmRoute>(vmmanagerCatalog);
const names = entries.map((entry) => toolName('vmmanager', entry));

describe('the catalog', () => {
  it('has the documented tool names, all valid', () => {
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'vmmanager_host_list',
        'vmmanager_host_get',
        'vmmanager_host_create',
        'vmmanager_host_update',
        'vmmanager_host_delete',
        'vmmanager_host_start',
        'vmmanager_host_stop',
        'vmmanager_host_restart',
        'vmmanager_host_reinstall',
        'vmmanager_host_resource',
        'vmmanager_host_password',
        'vmmanager_host_account',
        'vmmanager_host_ip',
        'vmmanager_host_ipv4',
        'vmmanager_host_ipv6',
        'vmmanager_host_metrics',
        'vmmanager_host_backup_list',
        'vmmanager_host_backup_create',
        'vmmanager_host_restore',
        'vmmanager_disk_list',
        'vmmanager_disk_update',
        'vmmanager_ip_ptr',
        'vmmanager_os_list',
        'vmmanager_preset_list',
        'vmmanager_cluster_list',
        'vmmanager_node_list',
        'vmmanager_account_list',
        'vmmanager_account_create',
        'vmmanager_account_delete',
        'vmmanager_ippool_list',
        'vmmanager_ipnet_list',
        'vmmanager_task_list',
        'vmmanager_task_get',
        'vmmanager_task_abort',
        'vmmanager_task_wait',
        'vmmanager_auth_token_create',
        'vmmanager_auth_token_ttl_update',
        'vmmanager_auth_key_create',
        'vmmanager_auth_key_exchange',
      ]),
    );
    expect(toolsetName('vmmanager', { path: ['host', 'start'] })).toBe('vmmanager.host');
  });

  it('every input schema converts to JSON Schema and is strict', () => {
    for (const entry of entries) {
      const schema = z.toJSONSchema(entry.endpoint.input, { io: 'input' }) as {
        additionalProperties?: unknown;
      };
      expect(schema.additionalProperties, entry.id).toBe(false);
    }
  });

  it('every input field is described', () => {
    const undescribed: string[] = [];
    for (const entry of entries) {
      const schema = z.toJSONSchema(entry.endpoint.input, { io: 'input' }) as {
        properties?: Record<string, { description?: string }>;
      };
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (!property.description) undescribed.push(`${entry.id}.${field}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('every summary is one sentence; routes use VMmanager methods and documented services', () => {
    for (const { id, endpoint } of entries) {
      expect(endpoint.summary, id).toMatch(/^[A-Z][^.]*\.$/);
      expect(['GET', 'POST', 'DELETE'], id).toContain(endpoint.route.method);
      expect(endpoint.route.path, id).toMatch(/^\/(vm\/v3|ip\/v3|auth\/v4)\//);
    }
  });

  it('effects: reads are read-only, actions safe to repeat say so, creates and reinstall are not retried', () => {
    const effect = (id: string) => entries.find((entry) => entry.id === id)?.endpoint;
    for (const entry of entries.filter((e) => e.endpoint.route.method === 'GET')) {
      expect(effectAnnotations(entry.endpoint).readOnlyHint, entry.id).toBe(true);
    }
    expect(isIdempotent(effect('host.start') ?? { effect: 'create' })).toBe(true);
    expect(isIdempotent(effect('host.create') ?? { effect: 'read' })).toBe(false);
    expect(isIdempotent(effect('host.reinstall') ?? { effect: 'read' })).toBe(false);
    expect(effectAnnotations(effect('host.delete') ?? { effect: 'read' }).destructiveHint).toBe(true);
  });

  it('host.get says it reads the filtered list', () => {
    expect(vmmanagerCatalog.host.get.description).toMatch(/filtered list/);
    expect(vmmanagerCatalog.task.wait.description).toMatch(/Polls vmmanager_task_list/);
  });

  it('the module exposes the catalog and the settings named like the environment', () => {
    expect(vmmanagerModule.id).toBe('vmmanager');
    expect(vmmanagerModule.catalog).toBe(vmmanagerCatalog);
    expect(vmmanagerModule.settings.required).toEqual(['VMMANAGER_URL']);
    expect(vmmanagerModule.settings.optional).toEqual([
      'VMMANAGER_EMAIL',
      'VMMANAGER_PASSWORD',
      'VMMANAGER_TOKEN',
      'VMMANAGER_CA_FILE',
      'VMMANAGER_FINGERPRINT',
      'VMMANAGER_INSECURE',
    ]);
  });
});
