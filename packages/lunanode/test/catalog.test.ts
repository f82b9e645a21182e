import { isIdempotent, walkCatalog } from '@x/auth-core';
import { effectAnnotations, toolName, toolsetName } from '@x/auth-core/projection';
import { expectCatalogConventions } from '@x/auth-core/testing';
import { describe, expect, it } from 'vitest';
import { type LunaNodeRoute, lunanodeCatalog, lunanodeModule } from '../src/index.js';

const entries = walkCatalog<LunaNodeRoute>(lunanodeCatalog);

// The document's action list, typed in from the vendor text (email rows: category `email`).
const DOCUMENTED = `
vm start stop reboot diskswap info delete reimage resize rescue vnc floatingip-add floatingip-delete iplist ip-add
  ip-delete create snapshot list shelve unshelve
dns list set zone-list zone-add zone-remove record-list record-add record-remove dyn-list dyn-add dyn-update dyn-remove
image list delete details replicate fetch retrieve
volume list create delete attach detach info
floating list add delete
network list create delete
lb list create delete info member_add member_remove associate
plan list
region list
monitor check-list check-types check-add check-remove contact-list contact-add contact-remove alert-list alert-add
  alert-remove
securitygroup list
script list
billing credit
email usage domain-list domain-add domain-remove domain-dkim-set domain-dkim-unset user-list user-add
  user-set-password user-remove alias-list alias-add alias-remove`;

// Actions production clients use beyond the list (notes A5/A7, nomoon's definitions, launchers).
const EXTRAS = [
  'vm/usage',
  'vm/rename',
  'vm/securitygroup-add',
  'vm/securitygroup-remove',
  'vm/set-fairshare',
  'sshkey/list',
  'sshkey/add',
  'sshkey/remove',
  'volume/snapshot-create',
  'volume/snapshot-delete',
  'volume/snapshot-list',
  'volume/snapshot-replicate',
  'volume/extend',
  'volume/rename',
  'image/rename',
  'script/create',
  'securitygroup/create',
  'securitygroup/delete',
  'securitygroup/rename',
  'securitygroup/rule-list',
  'securitygroup/rule-insert',
  'securitygroup/rule-delete',
];

function documented(): string[] {
  const out: string[] = [];
  let category = '';
  for (const line of DOCUMENTED.trim().split('\n')) {
    const words = line.trim().split(/\s+/);
    if (!line.startsWith('  ')) category = words.shift() ?? '';
    for (const action of words) out.push(`${category}/${action}`);
  }
  return out;
}

describe('the catalog', () => {
  const routes = entries.map((entry) => `${entry.endpoint.route.category}/${entry.endpoint.route.action}`);

  it('declares every documented action and the production extras, each once', () => {
    const wanted = [...documented(), ...EXTRAS];
    expect(wanted.filter((route) => !routes.includes(route))).toEqual([]);
    expect(new Set(routes).size).toBe(routes.length);
    expect(routes.filter((route) => !wanted.includes(route))).toEqual([]);
  });

  it('keys each action at category.action with - turned into _', () => {
    for (const entry of entries) {
      const { category, action } = entry.endpoint.route;
      expect(entry.id).toBe(`${category}.${action.replace(/-/g, '_')}`);
    }
  });

  it('follows the catalog conventions every vendor shares', () => {
    expectCatalogConventions('lunanode', lunanodeCatalog);
  });

  it('groups tools by category', () => {
    expect(toolName('lunanode', entries[0] ?? { path: [] })).toBe('lunanode_vm_list');
    expect(toolsetName('lunanode', entries[0] ?? { path: [] })).toBe('lunanode.vm');
  });

  it('marks effects so retries and MCP hints are right', () => {
    const byId = new Map(entries.map((entry) => [entry.id, entry.endpoint]));
    const get = (id: string) => byId.get(id) ?? expect.unreachable(id);
    expect(effectAnnotations(get('vm.list')).readOnlyHint).toBe(true);
    expect(isIdempotent(get('vm.create'))).toBe(false);
    expect(isIdempotent(get('vm.start'))).toBe(true);
    expect(isIdempotent(get('vm.stop'))).toBe(true);
    expect(isIdempotent(get('vm.reboot'))).toBe(false);
    expect(isIdempotent(get('vm.diskswap'))).toBe(false);
    expect(effectAnnotations(get('vm.delete')).destructiveHint).toBe(true);
    for (const entry of entries) {
      if (/(^|_)(list|info|details|types)$|credit|usage|vnc|retrieve/.test(entry.path.at(-1) ?? '')) {
        expect(entry.endpoint.effect, entry.id).toBe('read');
      }
    }
  });
});

describe('lunanodeModule', () => {
  it('describes the vendor generically', () => {
    expect(lunanodeModule.id).toBe('lunanode');
    expect(lunanodeModule.catalog).toBe(lunanodeCatalog);
    expect(lunanodeModule.settings.required).toEqual(['LUNANODE_API_ID', 'LUNANODE_API_KEY']);
    expect(lunanodeModule.settings.optional).toContain('LUNANODE_BASE_URL');
  });
});
