import { isIdempotent, walkCatalog } from '@x/auth-core';
import { effectAnnotations, toolName, toolsetName } from '@x/auth-core/projection';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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
      expect(entry.path.every((key) => /^[a-z][a-z0-9_]*$/.test(key))).toBe(true);
    }
  });

  it('derives valid, unique MCP tool names', () => {
    const names = entries.map((entry) => toolName('lunanode', entry));
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'lunanode_vm_floatingip_delete',
        'lunanode_lb_member_add',
        'lunanode_dns_zone_list',
        'lunanode_email_user_set_password',
        'lunanode_monitor_check_add',
        'lunanode_volume_snapshot_create',
        'lunanode_sshkey_list',
      ]),
    );
    expect(toolsetName('lunanode', entries[0] ?? { path: [] })).toBe('lunanode.vm');
  });

  it('converts every input schema to JSON Schema, strict, every field described', () => {
    for (const entry of entries) {
      const schema = z.toJSONSchema(entry.endpoint.input, { io: 'input' }) as {
        type?: string;
        additionalProperties?: unknown;
        properties?: Record<string, { description?: string }>;
      };
      expect(schema.type, entry.id).toBe('object');
      expect(schema.additionalProperties, entry.id).toBe(false);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description, `${entry.id}.${name}`).toBeTruthy();
      }
    }
  });

  it('has one-sentence summaries and references tools by their MCP names', () => {
    const tools = new Set(entries.map((entry) => toolName('lunanode', entry)));
    for (const entry of entries) {
      expect(entry.endpoint.summary, entry.id).toMatch(/^[A-Z].*\.$/);
      const text = `${entry.endpoint.description ?? ''} ${JSON.stringify(z.toJSONSchema(entry.endpoint.input, { io: 'input' }))}`;
      for (const reference of text.match(/lunanode_[a-z0-9_]+/g) ?? []) {
        expect(tools.has(reference), `${entry.id} mentions ${reference}`).toBe(true);
      }
    }
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
