import { createSimulator } from '@x/testkit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint, type Logger, parseOutput, REDACTED, Redactor, Transport } from '../src/index.js';

// Regressions found by the evidence suite (tools/evidence/test/secrets): text was cut before it was redacted,
// so a secret straddling the cut kept its head; and XML-escaped echoes of a secret were not recognised.
const secret = 'SECRETHEAD-pw&#+: é-tail';
const head = 'SECRETHEAD';

describe('cuts never keep part of a secret', () => {
  it('Redactor.excerpt redacts first, then cuts', () => {
    const redactor = new Redactor({ secrets: [secret] });
    for (let at = 280; at < 300; at++) {
      const text = `${'x'.repeat(at)}${secret} and more`;
      const out = redactor.excerpt(text, 300);
      expect(out.length).toBeLessThanOrEqual(300);
      expect(out).not.toContain(head);
    }
    expect(redactor.excerpt(`short ${secret}`, 300)).toBe(`short ${REDACTED}`);
    // A huge input costs a window, not the whole text.
    expect(redactor.excerpt(`${secret}${'y'.repeat(2_000_000)}`, 50)).toBe(`${REDACTED}${'y'.repeat(40)}`);
  });

  it('an answer that does not fit the schema gets an excerpt without the head of a cut secret', () => {
    const redactor = new Redactor({ secrets: [secret] });
    const schema = endpoint({
      summary: 's',
      route: {},
      input: z.object({}),
      output: z.array(z.string()),
      effect: 'read',
    });
    for (let pad = 270; pad < 300; pad += 3) {
      const error = (() => {
        try {
          parseOutput('demo', 'a.b', schema, { note: `${'x'.repeat(pad)}${secret}` }, redactor);
        } catch (e) {
          return e as { excerpt?: string };
        }
      })();
      expect(error?.excerpt).toBeDefined();
      expect(error?.excerpt).not.toContain(head);
    }
  });

  it('the debug line of an answer does not keep the head of a secret cut at 500 characters', async () => {
    const sim = await createSimulator({
      name: 'echo-secret',
      handler: () => ({
        headers: { 'content-type': 'text/html' },
        body: `<p>${'x'.repeat(485)}${secret}</p>`,
      }),
    }).start();
    const lines: string[] = [];
    const log = (message: string, fields?: Record<string, unknown>) => {
      lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    };
    const logger: Logger = { debug: log, info: log, warn: log, error: log };
    const transport = new Transport({
      vendor: 'demo',
      product: { name: '@x/demo', version: '0.0.0' },
      redactor: new Redactor({ secrets: [secret] }),
      logger,
      env: {},
    });
    try {
      const response = await transport.send(() => ({ method: 'GET', url: sim.url }), {
        endpoint: 'a.b',
        idempotent: true,
      });
      expect(response.text()).toContain(secret);
      const answerLine = lines.find((line) => line.startsWith('← 200'));
      expect(answerLine).toContain('xxxx');
      expect(lines.join('\n')).not.toContain(head);
    } finally {
      await transport.close();
      await sim.stop();
    }
  });
});

describe('markup-escaped echoes', () => {
  it('removes a secret echoed in XML or HTML text (& as &amp;, quotes as entities)', () => {
    const quoted = `a&b<c>"d'e-long-enough`;
    const redactor = new Redactor({ secrets: [secret, quoted] });
    expect(redactor.text('<fullname>SECRETHEAD-pw&amp;#+: é-tail</fullname>')).toBe(
      `<fullname>${REDACTED}</fullname>`,
    );
    expect(redactor.text('<p>a&amp;b&lt;c&gt;&quot;d&#39;e-long-enough</p>')).toBe(`<p>${REDACTED}</p>`);
    expect(redactor.text('<v>a&amp;b&lt;c&gt;&quot;d&apos;e-long-enough</v>')).toBe(`<v>${REDACTED}</v>`);
  });
});
