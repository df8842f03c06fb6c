/**
 * XML through saxes, streamed: every `options.record_element` element is one record, built and
 * flattened on its own (attributes as `@name`, nested elements as dotted keys, repeated elements
 * as arrays and groups). A document that ends early is reported as cut off.
 */
import { SaxesParser } from 'saxes';
import type { Adapter } from '../core/adapter.ts';
import { clipRaw } from '../core/adapter.ts';
import { IngestFileError } from '../core/file-error.ts';
import { flatten } from '../core/flatten.ts';
import { readText } from '../core/text-stream.ts';
import { XmlRecordBuilder } from '../core/xml-tree.ts';
import type { AdapterItem } from '../source-row.ts';

export const xmlAdapter: Adapter = async function* xmlRows({ path, options, onProgress }) {
  const recordElement = options.record_element;
  if (!recordElement) {
    throw new IngestFileError('INGEST_MALFORMED', path, 'the mapping declares no `options.record_element` for this XML file');
  }
  const parser = new SaxesParser({ position: true });
  const builder = new XmlRecordBuilder();
  const done: unknown[] = [];
  const secondLevel = new Set<string>();
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth === 2) secondLevel.add(tag.name);
    if (builder.building || tag.name === recordElement) builder.open(tag.attributes as Record<string, string>);
  });
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  parser.on('closetag', (tag) => {
    depth -= 1;
    if (!builder.building) return;
    const finished = builder.close(tag.name);
    if (finished) done.push(finished.value);
  });
  let rowNumber = 0;
  let sawText = false;
  for await (const chunk of readText(path, { encoding: options.encoding, onProgress })) {
    sawText ||= /\S/.test(chunk);
    write(path, parser, () => parser.write(chunk), 'INGEST_MALFORMED');
    for (const value of done.splice(0)) yield toItem((rowNumber += 1), value);
  }
  if (!sawText) throw new IngestFileError('INGEST_EMPTY_FILE', path, 'the file holds only white space');
  write(path, parser, () => parser.close(), 'INGEST_TRUNCATED');
  for (const value of done.splice(0)) yield toItem((rowNumber += 1), value);
  if (rowNumber === 0 && secondLevel.size > 0 && !secondLevel.has(recordElement)) {
    throw new IngestFileError('INGEST_NO_RECORDS_FOUND', path,
      `no <${recordElement}> elements; the root holds <${[...secondLevel].slice(0, 5).join('>, <')}>: check options.record_element`);
  }
};

function write(path: string, parser: SaxesParser, step: () => unknown, code: 'INGEST_MALFORMED' | 'INGEST_TRUNCATED'): void {
  try {
    step();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^\d+:\d+: /, '');
    const detail = code === 'INGEST_TRUNCATED'
      ? `the XML ends before its elements are closed (${reason}): the file looks cut off; ask the agency to send it again`
      : `not well-formed XML (${reason}); check that the file is the XML export the mapping describes`;
    throw new IngestFileError(code, path, detail, { line: parser.line, column: parser.column });
  }
}

function toItem(rowNumber: number, value: unknown): AdapterItem {
  const record = typeof value === 'object' && value !== null ? value : { '#text': value };
  const { fields, groups } = flatten(record);
  return { ok: true, rowNumber, fields, groups, raw: clipRaw(JSON.stringify(value)) };
}
