import { describe, expect, it } from 'vitest';
import { splitUrl } from '../src/transport/exchange.js';

// The transport hands undici's dispatch an origin and a path instead of a URL; the split must equal what
// WHATWG URL parsing (which undici.request uses) would give, or requests go somewhere else.
describe('splitUrl', () => {
  const viaUrl = (text: string) => {
    const url = new URL(text);
    return { origin: url.origin, path: `${url.pathname}${url.search}` };
  };

  it.each([
    'https://portal.tuxcare.com/api/els/key/list.json?code=CELS&token=a%7Cb',
    'http://127.0.0.1:8080/vm/v3/host',
    'HTTPS://Panel.Example.COM:443/ispmgr',
    'http://[::1]:1500/ispmgr?out=json',
    'https://example.com',
    'https://example.com?x=1',
    'https://example.com/path#fragment',
    'https://example.com/a%20b/c?q=%E2%9C%93',
  ])('%s splits as URL parsing does', (text) => {
    expect(splitUrl(text)).toEqual(viaUrl(text));
  });

  it.each([
    'https://example.com/a b',
    'https://example.com/api/../els',
    'https://example.com/ünïcode?q=✓',
    'https://example.com/a\\b',
  ])('an unusual path (%s) is normalised by the URL parser', (text) => {
    expect(splitUrl(text)).toEqual(viaUrl(text));
  });

  it('takes URL objects as they are', () => {
    expect(splitUrl(new URL('https://example.com:8443/x?y=1'))).toEqual({
      origin: 'https://example.com:8443',
      path: '/x?y=1',
    });
  });

  it('refuses what is not a URL, as URL parsing does', () => {
    expect(() => splitUrl('not a url')).toThrow();
  });
});
