import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, TransportError } from '@x/auth-core';
import {
  createIspManagerSimulator,
  ISPMANAGER_DEMO,
  ispmanagerSandbox,
  otherCertificate,
  testCertificate,
} from '@x/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIspManagerClient, ispmanagerModule } from '../src/index.js';
import { bodyOf, clientFor, startPanel } from './support.js';

describe('configuration', () => {
  const env = {
    ISPMANAGER_URL: 'https://panel.example.com:1500/ispmgr',
    ISPMANAGER_USERNAME: 'root',
    ISPMANAGER_PASSWORD: 'pw',
  };

  it('reads every credential from the environment', async () => {
    const client = createIspManagerClient({ env });
    const preview = await client.preview('user.list', {});
    expect(preview.url).toBe('https://panel.example.com:1500/ispmgr');
    await client.close();
  });

  it.each([
    ['ISPMANAGER_URL', 'url'],
    ['ISPMANAGER_USERNAME', 'username'],
    ['ISPMANAGER_PASSWORD', 'password'],
  ])('a missing %s is a ConfigError naming it', (name, option) => {
    const partial: Record<string, string> = { ...env };
    delete partial[name];
    expect(() => createIspManagerClient({ env: partial })).toThrow(ConfigError);
    expect(() => createIspManagerClient({ env: partial })).toThrow(new RegExp(`${option}.*${name}`));
  });

  it.each([
    ['https://panel.example.com:1500/', /name the panel binary/],
    ['https://panel.example.com:1500/ispmgr?authinfo=a:b', /query/],
    ['https://root:pw@panel.example.com:1500/ispmgr', /credentials/],
    ['ftp://panel.example.com/ispmgr', /http/],
  ])('refuses the URL %s', (url, message) => {
    expect(() => createIspManagerClient({ env: { ...env, ISPMANAGER_URL: url } })).toThrow(message);
  });

  it('accepts every panel binary and the /manager/ prefix', async () => {
    for (const path of [
      '/ispmgr',
      '/manager/ispmgr',
      '/billmgr',
      '/dnsmgr',
      '/vmmgr',
      '/dcimgr',
      '/ipmgr',
      '/manager/billmgr/',
    ]) {
      const client = createIspManagerClient({ env: { ...env, ISPMANAGER_URL: `https://h:1500${path}` } });
      expect((await client.preview('whoami', {})).url).toBe(`https://h:1500${path.replace(/\/$/, '')}`);
      await client.close();
    }
  });

  it('refuses a bad auth mode, format or a username with a colon', () => {
    expect(() => createIspManagerClient({ env: { ...env, ISPMANAGER_AUTH: 'cookie' } })).toThrow(
      /ISPMANAGER_AUTH/,
    );
    expect(() => createIspManagerClient({ env: { ...env, ISPMANAGER_FORMAT: 'text' } })).toThrow(
      /ISPMANAGER_FORMAT/,
    );
    expect(() => createIspManagerClient({ env: { ...env, ISPMANAGER_USERNAME: 'a:b' } })).toThrow(/":"/);
    expect(() =>
      createIspManagerClient({ env: { ...env, ISPMANAGER_CA_FILE: '/nonexistent/ca.pem' } }),
    ).toThrow(/ISPMANAGER_CA_FILE/);
    expect(() => createIspManagerClient({ env: { ...env, ISPMANAGER_FINGERPRINT: 'zz' } })).toThrow(
      ConfigError,
    );
  });

  it('the module connects from settings, not from process.env', async () => {
    const sim = await createIspManagerSimulator().start();
    const settings = ispmanagerSandbox.settings?.(sim.url) ?? {};
    expect(settings).toEqual({
      ISPMANAGER_URL: `${sim.url}/ispmgr`,
      ISPMANAGER_USERNAME: ISPMANAGER_DEMO.username,
      ISPMANAGER_PASSWORD: ISPMANAGER_DEMO.password,
    });
    const core = ispmanagerModule.connect({ ...settings, ISPMANAGER_AUTH: 'session' }, { proxy: false });
    await expect(core.invoke('user.list', {})).resolves.toMatchObject({ kind: 'list' });
    expect(bodyOf(sim.log[0] as never).func).toBe('auth');
    await core.close();
    await sim.stop();
  });
});

describe('TLS against an HTTPS panel with a self-signed certificate', () => {
  let sim: Awaited<ReturnType<typeof startPanel>>;
  let caFile: string;
  beforeAll(async () => {
    sim = await startPanel({ tls: true });
    caFile = join(tmpdir(), `ispmanager-ca-${process.pid}.pem`);
    writeFileSync(caFile, testCertificate.cert);
  });
  afterAll(() => sim.stop());

  const envFor = (extra: Record<string, string>) => ({
    ISPMANAGER_URL: `${sim.url}/ispmgr`,
    ISPMANAGER_USERNAME: ISPMANAGER_DEMO.username,
    ISPMANAGER_PASSWORD: ISPMANAGER_DEMO.password,
    ...extra,
  });

  it('is refused without trust', async () => {
    const client = clientFor(sim);
    await expect(client.whoami()).rejects.toBeInstanceOf(TransportError);
    await client.close();
  });

  it('works with ISPMANAGER_CA_FILE', async () => {
    const client = createIspManagerClient({ env: envFor({ ISPMANAGER_CA_FILE: caFile }), proxy: false });
    await expect(client.whoami()).resolves.toMatchObject({ name: 'root' });
    await client.close();
  });

  it('works with a matching ISPMANAGER_FINGERPRINT and sends nothing on a mismatch', async () => {
    const good = createIspManagerClient({
      env: envFor({ ISPMANAGER_FINGERPRINT: testCertificate.fingerprint256 }),
      proxy: false,
    });
    await expect(good.whoami()).resolves.toMatchObject({ name: 'root' });
    await good.close();
    const before = sim.log.length;
    const bad = createIspManagerClient({
      env: envFor({ ISPMANAGER_FINGERPRINT: otherCertificate.fingerprint256 }),
      proxy: false,
    });
    await expect(bad.whoami()).rejects.toMatchObject({ kind: 'transport', phase: 'tls' });
    expect(sim.log.length).toBe(before);
    await bad.close();
  });

  it('works with ISPMANAGER_INSECURE=1 (explicit opt-in) and with the tls option', async () => {
    const insecure = createIspManagerClient({ env: envFor({ ISPMANAGER_INSECURE: '1' }), proxy: false });
    await expect(insecure.whoami()).resolves.toMatchObject({ name: 'root' });
    await insecure.close();
    const explicit = clientFor(sim, { tls: { ca: testCertificate.cert }, auth: 'session' });
    await expect(explicit.user.list()).resolves.toMatchObject({ kind: 'list' });
    await explicit.close();
  });
});

describe('pages', () => {
  it('iterates a paged list with p_num until p_elems', async () => {
    const sim = await startPanel();
    for (let i = 0; i < 5; i++)
      sim.state.ftpuser.push({ name: `u${i}`, owner: 'www-root', home: '/', passwd: 'x', active: 'on' });
    const client = clientFor(sim);
    const pages = [];
    for await (const page of client.pages(client.ftp.user.list, { p_cnt: 2 }))
      pages.push(page.elements.map((e) => e.name));
    expect(pages).toEqual([
      ['deploy', 'u0'],
      ['u1', 'u2'],
      ['u3', 'u4'],
    ]);
    expect(sim.log.map((r) => bodyOf(r).p_num)).toEqual(['1', '2', '3']);
    const all = [];
    for await (const item of client.items(client.ftp.user.list, { p_cnt: 4 })) all.push(item.name);
    expect(all).toEqual(['deploy', 'u0', 'u1', 'u2', 'u3', 'u4']);
    await client.close();
    await sim.stop();
  });
});
