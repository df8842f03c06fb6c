/** Builds the ATRS record and the DPIA facts and writes them to a folder as Markdown and JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../store/index.ts';
import { renderAtrsMarkdown } from './atrs-markdown.ts';
import { transparencyRecordFrom, type AtrsRecord } from './build-transparency-record.ts';
import { dpiaFactsFrom, type DpiaFacts } from './dpia-facts.ts';
import { renderDpiaMarkdown } from './dpia-markdown.ts';
import type { TransparencyConfig } from './transparency-config.ts';
import { readStoreFacts } from './transparency-facts.ts';

export interface TransparencyOutput {
  record: AtrsRecord;
  dpia: DpiaFacts;
  files: string[];
}

/** Writes `atrs.md`, `atrs.json`, `dpia-facts.md` and `dpia-facts.json` to `dir`. */
export async function writeTransparency(store: Store, config: TransparencyConfig, dir: string, now = new Date()): Promise<TransparencyOutput> {
  const facts = await readStoreFacts(store);
  const record = transparencyRecordFrom(config, facts, now.toISOString().slice(0, 10));
  const dpia = dpiaFactsFrom(record, facts);
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = [
    ['atrs.md', renderAtrsMarkdown(record)],
    ['atrs.json', `${JSON.stringify(record, null, 2)}\n`],
    ['dpia-facts.md', renderDpiaMarkdown(dpia)],
    ['dpia-facts.json', `${JSON.stringify(dpia, null, 2)}\n`],
  ];
  for (const [name, body] of files) writeFileSync(join(dir, name), body);
  return { record, dpia, files: files.map(([name]) => join(dir, name)) };
}
