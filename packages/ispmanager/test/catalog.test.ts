import { isIdempotent, walkCatalog } from '@x/auth-core';
import { effectAnnotations, toolName, toolsetName } from '@x/auth-core/projection';
import { expectCatalogConventions } from '@x/auth-core/testing';
import { describe, expect, it } from 'vitest';
import {
  ispmanagerCatalog,
  ispmanagerModule,
  isReadCall,
  isReadFunc,
  type PanelRoute,
} from '../src/index.js';

const entries = walkCatalog<PanelRoute>(ispmanagerCatalog);

describe('the catalog', () => {
  it('follows the catalog conventions every vendor shares', () => {
    expectCatalogConventions('ispmanager', ispmanagerCatalog);
  });

  it('tool names are ispmanager_ + func with dots as underscores, lists ending in _list', () => {
    const names = new Map(entries.map((entry) => [entry.id, toolName('ispmanager', entry)]));
    expect(names.get('user.list')).toBe('ispmanager_user_list');
    expect(names.get('user.edit')).toBe('ispmanager_user_edit');
    expect(names.get('domain.record.list')).toBe('ispmanager_domain_record_list');
    expect(names.get('call')).toBe('ispmanager_call');
    expect(names.get('whoami')).toBe('ispmanager_whoami');
    for (const entry of entries) {
      const name = toolName('ispmanager', entry);
      if (entry.endpoint.route.generic) continue;
      const func = entry.endpoint.route.func;
      const expected = entry.endpoint.route.result === 'list' ? `${func}.list` : func;
      expect(entry.id, func).toBe(expected);
      expect(name).toBe(`ispmanager_${expected.replace(/\./g, '_')}`);
    }
    expect(toolsetName('ispmanager', entries.find((e) => e.id === 'domain.record.list') as never)).toBe(
      'ispmanager.domain',
    );
  });

  it('lists and forms are reads that never submit; everything else submits with sok', () => {
    for (const entry of entries) {
      const { route, effect } = entry.endpoint;
      if (route.generic) continue;
      if (route.result === 'list' || route.result === 'form') {
        expect(effect, entry.id).toBe('read');
        expect(route.sok, entry.id).toBeFalsy();
      } else {
        expect(effect, entry.id).not.toBe('read');
        expect(route.sok, entry.id).toBe(true);
      }
    }
  });

  it('creates through .edit are never retried; deletes and suspends are idempotent', () => {
    const byId = new Map(entries.map((entry) => [entry.id, entry.endpoint]));
    expect(isIdempotent(byId.get('user.edit') as never)).toBe(false);
    expect(effectAnnotations(byId.get('user.edit') as never).destructiveHint).toBe(true);
    expect(isIdempotent(byId.get('user.delete') as never)).toBe(true);
    expect(isIdempotent(byId.get('user.suspend') as never)).toBe(true);
    expect(isIdempotent(byId.get('session.newkey') as never)).toBe(false);
  });

  it('the generic call is destructive; isReadFunc knows the catalog reads', () => {
    const call = entries.find((entry) => entry.id === 'call');
    expect(effectAnnotations(call?.endpoint as never)).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    expect(isReadFunc('user')).toBe(true);
    expect(isReadFunc('domain.record')).toBe(true);
    expect(isReadFunc('whoami')).toBe(true);
    expect(isReadFunc('user.edit')).toBe(false);
    expect(isReadFunc('user.delete')).toBe(false);
    expect(isReadFunc('(generic)')).toBe(false);
    expect(isReadFunc('billmgr.unknown')).toBe(false);
    expect(isReadCall({ func: 'user' })).toBe(true);
    expect(isReadCall({ func: 'user', sok: true })).toBe(false);
  });

  it('the module names its settings like the environment', () => {
    expect(ispmanagerModule.id).toBe('ispmanager');
    expect(ispmanagerModule.settings.required).toEqual([
      'ISPMANAGER_URL',
      'ISPMANAGER_USERNAME',
      'ISPMANAGER_PASSWORD',
    ]);
    expect(ispmanagerModule.settings.optional).toContain('ISPMANAGER_FINGERPRINT');
    expect(ispmanagerModule.catalog).toBe(ispmanagerCatalog);
  });
});
