import { describe, expect, it } from 'vitest';
import { nagiosError, parseNagios, parsePlain, parseTuxCareDate } from '../src/index.js';

describe('.plain parsing', () => {
  it('reads the CLN success and error samples', () => {
    expect(parsePlain('success:true\ncode:0\n').fields).toEqual({ success: true, code: 0 });
    expect(parsePlain('success:false\nmessage:Unexpected server error\n').fields).toEqual({
      success: false,
      message: 'Unexpected server error',
    });
  });

  it('reads the portal sample with both pairs on one line and spaces after the colon', () => {
    expect(parsePlain('success: true code:0').fields).toEqual({ success: true, code: 0 });
    expect(parsePlain('success:true  \ncode:0').fields).toEqual({ success: true, code: 0 });
  });

  it('drops the status sample comments and its wrapped line', () => {
    const { fields, raw } = parsePlain(
      'success:true\ndb_clweb_connected:true, // true - if db clweb connected\nxmlrpc:false, // true - if our xmlrpc service is alive\nip_server_reg:false, // true - if registration\n(/usr/sbin/clnreg_ks --force)\n',
    );
    expect(fields).toEqual({ success: true, db_clweb_connected: true, xmlrpc: false, ip_server_reg: false });
    expect(raw).toContain('clnreg_ks');
  });

  it('keeps a message with colons and URLs whole', () => {
    expect(
      parsePlain('success:false\nmessage:see https://cln.cloudlinux.com: retry later').fields.message,
    ).toBe('see https://cln.cloudlinux.com: retry later');
  });
});

describe('Nagios parsing (real bodies from the notes)', () => {
  it('the OK line', () => {
    expect(parseNagios('KernelCare OK - all servers are up to date!\n')).toEqual({
      ok: true,
      summary: 'KernelCare OK - all servers are up to date!',
      counts: {},
      servers: [],
      details: [],
      raw: 'KernelCare OK - all servers are up to date!\n',
    });
  });

  it('a key report: summary, perfdata and server lines', () => {
    const raw =
      '3 machines are OUTOFDATE!|uptodate=6;outofdate=3;unsupported=2;inactive=1\n' +
      '192-168-246-93.atm.cloudlinux.com (77.79.198.14) is OUTOFDATE\n' +
      'db-2.example.com (2001:db8::2) is UNSUPPORTED\n' +
      'stale-host is INACTIVE\n' +
      'something else\n';
    const report = parseNagios(raw);
    expect(report).toMatchObject({
      ok: false,
      summary: '3 machines are OUTOFDATE!',
      counts: { uptodate: 6, outofdate: 3, unsupported: 2, inactive: 1 },
      details: ['something else'],
      raw,
    });
    expect(report.servers).toEqual([
      {
        host: '192-168-246-93.atm.cloudlinux.com',
        ip: '77.79.198.14',
        state: 'OUTOFDATE',
        line: '192-168-246-93.atm.cloudlinux.com (77.79.198.14) is OUTOFDATE',
      },
      {
        host: 'db-2.example.com',
        ip: '2001:db8::2',
        state: 'UNSUPPORTED',
        line: 'db-2.example.com (2001:db8::2) is UNSUPPORTED',
      },
      { host: 'stale-host', ip: null, state: 'INACTIVE', line: 'stale-host is INACTIVE' },
    ]);
  });

  it('a reseller report: perfdata alone on the first line', () => {
    expect(parseNagios('uptodate=9;outofdate=1;unsupported=3;inactive=2')).toMatchObject({
      ok: false,
      summary: '',
      counts: { uptodate: 9, outofdate: 1, unsupported: 3, inactive: 2 },
    });
    expect(parseNagios('uptodate=9;outofdate=0;unsupported=0;inactive=0').ok).toBe(true);
  });

  it('recognises the error bodies by prefix', () => {
    expect(nagiosError('Servers not found for key Key-NotFound')).toBe('Servers not found');
    expect(nagiosError('Registration token not found for reseller Login not found')).toBe(
      'Registration token not found',
    );
    expect(nagiosError('Reseller not found')).toBe('Reseller not found');
    expect(nagiosError('KernelCare OK - all servers are up to date!')).toBeUndefined();
  });
});

describe('dates', () => {
  it('parses the documented form with its offset, keeping the raw string', () => {
    expect(parseTuxCareDate('2014-04-30T11:26-0400')).toEqual({
      raw: '2014-04-30T11:26-0400',
      iso: '2014-04-30T15:26:00.000Z',
      epochMs: Date.UTC(2014, 3, 30, 15, 26),
    });
  });

  it('tolerates the stray spaces of the doc example, colons in offsets, Z and seconds', () => {
    expect(parseTuxCareDate('2014-04- 30T11:26- 0400').iso).toBe('2014-04-30T15:26:00.000Z');
    expect(parseTuxCareDate('2014-04-30T11:26+05:30').iso).toBe('2014-04-30T05:56:00.000Z');
    expect(parseTuxCareDate('2014-04-30T11:26:07Z').iso).toBe('2014-04-30T11:26:07.000Z');
  });

  it('keeps an unrecognisable value raw instead of failing', () => {
    expect(parseTuxCareDate('yesterday')).toEqual({ raw: 'yesterday', iso: null, epochMs: null });
  });
});

describe('tolerant outputs', () => {
  it('coerces numbers and booleans sent as strings, maps "" to null and keeps extra fields', async () => {
    const { KernelCareKey, ElsKey, IpLicense } = await import('../src/index.js');
    expect(
      ElsKey.parse({ key: 'K', productCode: 'CELS', usageLimit: '', description: 123, extra: { a: 1 } }),
    ).toEqual({
      key: 'K',
      productCode: 'CELS',
      usageLimit: null,
      description: '123',
      extra: { a: 1 },
    });
    expect(
      KernelCareKey.parse({ key: 'K', enabled: 'false', limit: '2', created: '2014-04-30T11:26-0400' }),
    ).toMatchObject({
      enabled: false,
      limit: 2,
      created: { iso: '2014-04-30T15:26:00.000Z' },
    });
    expect(IpLicense.parse({ ip: '1.1.1.1', type: '16', registered: 'true', created: null })).toEqual({
      ip: '1.1.1.1',
      type: 16,
      registered: true,
      created: null,
    });
  });
});
