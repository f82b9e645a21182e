import { createRequire } from 'node:module';
import type { X2jOptions, XMLParser } from 'fast-xml-parser';
import { MAX_DEPTH, ShapeError } from './node.js';

/**
 * Safe XML parsing: a DOCTYPE (the only way to declare entities, hence entity bombs and external entities) is
 * refused before the parser sees a byte; entity expansion is off anyway; only the five predefined entities and
 * character references are decoded, by hand, in one pass; nesting depth is capped; values stay strings.
 */
const OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '$',
  textNodeName: '$',
  parseTagValue: false,
  parseAttributeValue: false,
  // A value's own spaces and newlines are data (a comment " a" must not come back "a"); only the indentation
  // between child elements is dropped (an empty string adds no text).
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  tagValueProcessor: (_name, value, _path, _attributes, leaf) => (leaf ? decodeEntities(value) : ''),
  attributeValueProcessor: (_name, value) => decodeEntities(value),
};

/**
 * The parser, created on the first XML answer from fast-xml-parser's CommonJS bundle: importing its ES module
 * graph costs ~30 ms at start-up (an MCP server loads every vendor package whether or not it uses XML), the
 * single-file bundle ~6 ms, and only when XML arrives.
 */
let parser: XMLParser | undefined;
function xmlParser(): XMLParser {
  if (!parser) {
    const { XMLParser: Parser } = createRequire(import.meta.url)(
      'fast-xml-parser',
    ) as typeof import('fast-xml-parser');
    parser = new Parser(OPTIONS);
  }
  return parser;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#NN;` / `&#xHH;`; anything else stays as written. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

/** A DOCTYPE or ENTITY declaration anywhere: refused without parsing (a plain scan, linear in the size). */
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

/**
 * Parses an XML answer into the `$`-keyed object shape of `out=json`.
 *
 * @throws ShapeError for a DOCTYPE, malformed XML or absurd nesting.
 */
export function parseXml(text: string): unknown {
  if (DECLARATION.test(text)) {
    throw new ShapeError(
      'the XML carries a DOCTYPE/ENTITY declaration, which a panel never sends (refused unparsed)',
    );
  }
  let result: unknown;
  try {
    result = xmlParser().parse(text, true);
  } catch (error) {
    throw new ShapeError(`malformed XML: ${clip(error instanceof Error ? error.message : String(error))}`);
  }
  if (result !== true && typeof result === 'object' && result !== null) return result;
  throw new ShapeError(`malformed XML: ${clip(describeValidation(result))}`);
}

/** The parser's reason, cut: for unclosed tags it lists every open tag, megabytes for a hostile document. */
function clip(reason: string): string {
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
}

function describeValidation(result: unknown): string {
  if (typeof result === 'object' && result !== null && 'err' in result) {
    const err = (result as { err: { msg?: string; line?: number } }).err;
    return `${err.msg ?? 'invalid'} (line ${err.line ?? '?'})`;
  }
  return 'not a document';
}
