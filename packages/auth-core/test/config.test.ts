import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  createStderrLogger,
  formBody,
  normalizeFingerprint,
  readBaseUrl,
  readSetting,
  readTlsSettings,
  resolveLogger,
  silentLogger,
  toParams,
  userAgent,
  VERSION,
} from '../src/index.js';

const source = {
  vendor: 'TuxCare',
  option: 'secretKey',
  env: 'TUXCARE_SECRET_KEY',
  factory: 'createTuxCareClient',
};

describe('readSetting', () => {
  it('prefers the explicit value, then the environment', () => {
    expect(readSetting('given', source, { TUXCARE_SECRET_KEY: 'env' })).toBe('given');
    expect(readSetting(undefined, source, { TUXCARE_SECRET_KEY: ' env ' })).toBe('env');
    expect(readSetting(undefined, source, {}, false)).toBeUndefined();
  });

  it('names the option and the variable when a required setting is missing', () => {
    const error = (() => {
      try {
        readSetting(undefined, source, { TUXCARE_SECRET_KEY: '  ' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      'TuxCare needs `secretKey`: pass it to createTuxCareClient() or set TUXCARE_SECRET_KEY.',
    );
  });
});

describe('readBaseUrl', () => {
  it('accepts http(s) URLs and refuses others or ones with credentials', () => {
    expect(readBaseUrl('https://portal.tuxcare.com/api', 'TuxCare', 'baseUrl').pathname).toBe('/api');
    expect(() => readBaseUrl('ftp://x', 'TuxCare', 'baseUrl')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => readBaseUrl('not a url', 'TuxCare', 'baseUrl')).toThrow(ConfigError);
    expect(() => readBaseUrl('https://root:pw@host:1500/ispmgr', 'ISPmanager', 'url')).toThrow(
      /must not carry credentials/,
    );
  });
});

describe('readTlsSettings', () => {
  const names = { caFile: 'DEMO_CA_FILE', fingerprint: 'DEMO_FINGERPRINT', insecure: 'DEMO_INSECURE' };
  const pem = fileURLToPath(new URL('../../testkit/fixtures/test-cert.pem', import.meta.url));

  it('reads a CA file, a pin, or the insecure opt-in, and nothing when unset', () => {
    expect(readTlsSettings('Demo', names, {})).toBeUndefined();
    expect(readTlsSettings('Demo', names, { DEMO_CA_FILE: pem })?.ca).toContain('BEGIN CERTIFICATE');
    expect(readTlsSettings('Demo', names, { DEMO_FINGERPRINT: 'ab'.repeat(32) })).toEqual({
      fingerprint256: 'ab'.repeat(32),
    });
    expect(readTlsSettings('Demo', names, { DEMO_INSECURE: '1' })).toEqual({ insecure: true });
    expect(readTlsSettings('Demo', names, { DEMO_INSECURE: '0' })).toBeUndefined();
  });

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => readTlsSettings('Demo', names, { DEMO_CA_FILE: '/nonexistent/ca.pem' })).toThrow(
      /DEMO_CA_FILE \(ENOENT\)/,
    );
    expect(() => readTlsSettings('Demo', names, { DEMO_CA_FILE: fileURLToPath(import.meta.url) })).toThrow(
      /not a PEM/,
    );
    expect(() => readTlsSettings('Demo', names, { DEMO_FINGERPRINT: 'AB:CD' })).toThrow(
      /DEMO_FINGERPRINT must be a SHA-256/,
    );
    expect(() => readTlsSettings('Demo', names, { DEMO_INSECURE: 'maybe' })).toThrow(
      /DEMO_INSECURE must be 1/,
    );
    expect(() =>
      readTlsSettings('Demo', names, { DEMO_INSECURE: '1', DEMO_FINGERPRINT: 'ab'.repeat(32) }),
    ).toThrow(/cannot be combined/);
  });
});

describe('normalizeFingerprint', () => {
  it('accepts the usual spellings', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeFingerprint(hex.toUpperCase().match(/../g)!.join(':'))).toBe(hex);
    expect(normalizeFingerprint(`sha256/${hex}`)).toBe(hex);
    expect(() => normalizeFingerprint('ab:cd')).toThrow(ConfigError);
  });
});

describe('toParams / formBody', () => {
  it('omits empty values and encodes booleans, numbers and lists', () => {
    expect(
      toParams({ a: undefined, b: null, c: '', d: 0, e: true, f: false, g: ['x', 'y'], h: [], i: 'v' }),
    ).toEqual({ d: '0', e: 'yes', f: 'no', g: 'x,y', i: 'v' });
    expect(toParams({ on: true }, { booleans: ['on', 'off'] })).toEqual({ on: 'on' });
  });

  it('form-encodes special characters', () => {
    const body = formBody({ password: 'a&b#c+d:e é', name: 'x y' });
    expect(body).toBe('password=a%26b%23c%2Bd%3Ae+%C3%A9&name=x+y');
    expect(new URLSearchParams(body).get('password')).toBe('a&b#c+d:e é');
  });
});

describe('logging', () => {
  it('is silent by default and turned on by X_LOG', () => {
    expect(resolveLogger(undefined, {})).toBe(silentLogger);
    expect(resolveLogger(undefined, { X_LOG: 'nonsense' })).toBe(silentLogger);
    expect(resolveLogger(undefined, { X_LOG: 'debug' })).not.toBe(silentLogger);
  });

  it('the stderr logger filters by level and writes one line per event', () => {
    const lines: string[] = [];
    const logger = createStderrLogger('warn', (line) => lines.push(line));
    logger.info('hidden');
    logger.warn('shown', { a: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN \[x\] shown \{"a":1\}\n$/);
  });
});

describe('userAgent', () => {
  it('names the product, the core and node', () => {
    expect(userAgent({ name: '@x/tuxcare', version: '0.1.0' }, 'x-mcp-server/0.1.0')).toBe(
      `@x/tuxcare/0.1.0 @x/auth-core/${VERSION} node/${process.versions.node} x-mcp-server/0.1.0`,
    );
  });
});

describe('boolean settings', () => {
  it('one parser: the same spellings everywhere, anything else refused by name', async () => {
    const { parseBoolean, readBoolean } = await import('../src/index.js');
    for (const yes of ['1', 'true', 'YES', ' on ']) expect(parseBoolean(yes)).toBe(true);
    for (const no of [undefined, '', '0', 'False', 'no', 'off']) expect(parseBoolean(no)).toBe(false);
    expect(parseBoolean('maybe')).toBeUndefined();
    expect(() => readBoolean('maybe', 'LunaNode', 'LUNANODE_MONOTONIC_NONCE')).toThrow(
      /LUNANODE_MONOTONIC_NONCE must be 1, true, yes or on/,
    );
  });
});
