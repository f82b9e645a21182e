import { isIdempotent, refsIn, walkCatalog } from '@x/auth-core';
import { effectAnnotations, toolName, toolsetName } from '@x/auth-core/projection';
import { expectCatalogConventions } from '@x/auth-core/testing';
import { describe, expect, it } from 'vitest';
import { vmmanagerCatalog, vmmanagerModule } from '../src/index.js';
import type { VmRoute } from '../src/route.js';

const entries = walkCatalog<VmRoute>(vmmanagerCatalog);

describe('the catalog', () => {
  // Tool names are not listed here a second time: the checked-in tool snapshot guards renames.
  it('follows the catalog conventions every vendor shares', () => {
    expectCatalogConventions('vmmanager', vmmanagerCatalog);
    expect(toolName('vmmanager', { path: ['host', 'ipv4'] })).toBe('vmmanager_host_ipv4');
    expect(toolsetName('vmmanager', { path: ['host', 'start'] })).toBe('vmmanager.host');
  });

  it('every summary is one sentence without inner stops; routes use VMmanager methods and documented services', () => {
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
    expect(refsIn(vmmanagerCatalog.task.wait.description)).toEqual(['task.list']);
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
