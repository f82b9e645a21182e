// XML decoding: the ISPmanager client's decoder (decodeDocument: the DOCTYPE refusal, fast-xml-parser with its
// safe settings and entity decoding, the walk into a list result) against a bare fast-xml-parser on the same
// 10,000-element list, shaped like the panel's `func=user` answer (text fields, an attribute-only element,
// entities to decode).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bareXmlParser } from './vendors.mjs';

// decodeDocument is internal to @x/ispmanager (not in its exports map): it is what the client runs on every
// answer, so the benchmark imports it from the built package by path.
const packageDir = dirname(createRequire(import.meta.url).resolve('@x/ispmanager/package.json'));
const { decodeDocument } = await import(pathToFileURL(join(packageDir, 'dist', 'codec.js')).href);

/** An ISPmanager user list of `count` elements, as `out=xml` sends it. */
export function userListXml(count) {
  const elems = [];
  for (let i = 0; i < count; i++) {
    const used = (i * 37) % 10240;
    elems.push(
      '\t<elem>\n' +
        `\t\t<name>user${i}</name>\n` +
        `\t\t<fullname>User ${i} &amp; Co &lt;ops&gt;</fullname>\n` +
        `\t\t<active>${i % 7 === 0 ? 'off' : 'on'}</active>\n` +
        '\t\t<owner>root</owner>\n' +
        '\t\t<level>user</level>\n' +
        `\t\t<preset>${i % 3 === 0 ? '#custom' : 'default'}</preset>\n` +
        '\t\t<quota_total>10240</quota_total>\n' +
        `\t\t<quota_used>${used}</quota_used>\n` +
        `\t\t<disk used="${used}" limit="10240"/>\n` +
        '\t</elem>\n',
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<doc>\n' +
    elems.join('') +
    `\t<p_num>1</p_num>\n\t<p_cnt>${count}</p_cnt>\n\t<p_elems>${count}</p_elems>\n</doc>\n`
  );
}

/** The two decoders, each checked to return every element. */
export function xmlDecoders(xml, count) {
  const response = { status: 200, headers: { 'content-type': 'text/xml; charset=UTF-8' }, text: () => xml };
  return {
    bare: () => {
      const doc = bareXmlParser.parse(xml).doc;
      if (doc.elem.length !== count) throw new Error('bare fast-xml-parser lost elements');
    },
    ours: () => {
      const result = decodeDocument(response, 'user.list', 'list');
      if (result.kind !== 'list' || result.elements.length !== count)
        throw new Error('decodeDocument lost elements');
    },
  };
}
