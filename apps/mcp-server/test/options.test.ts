import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../src/options.js';

describe('parseOptions', () => {
  it('has safe defaults', () => {
    expect(parseOptions([], {})).toMatchObject({
      transport: 'stdio',
      host: '127.0.0.1',
      port: 3333,
      sandbox: false,
      readOnly: false,
      confirm: 'destructive',
      toolsets: [],
    });
  });

  it('reads every flag, and the environment when a flag is absent', () => {
    const env = {
      X_MCP_TRANSPORT: 'http',
      X_MCP_READ_ONLY: '1',
      X_MCP_TOOLSETS: 'lunanode.vm, tuxcare',
      X_MCP_PORT: '4000',
    };
    expect(parseOptions([], env)).toMatchObject({
      transport: 'http',
      readOnly: true,
      toolsets: ['lunanode.vm', 'tuxcare'],
      port: 4000,
    });
    expect(parseOptions(['--port', '5000', '--confirm', 'writes', '--sandbox'], env)).toMatchObject({
      port: 5000,
      confirm: 'writes',
      sandbox: true,
    });
  });

  it('rejects bad values with a usage error', () => {
    expect(() => parseOptions(['--transport', 'carrier-pigeon'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--confirm', 'maybe'], {})).toThrow(/destructive, writes or off/);
    expect(() => parseOptions(['--port', 'x'], {})).toThrow(/port/);
    expect(() => parseOptions(['--bogus'], {})).toThrow(UsageError);
  });
});
