/** Writes a subject access export to a folder: `sar.json` (the data) and `sar.html` (the readable copy). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubjectAccessExport } from './export-subject-access.ts';
import { renderSubjectAccessHtml } from './sar-html.ts';

/** Writes both files (readable only by the owner: they hold personal data) and returns their paths. */
export function writeSubjectAccess(sar: SubjectAccessExport, dir: string, partnership?: string): { json: string; html: string } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const json = join(dir, 'sar.json');
  const html = join(dir, 'sar.html');
  writeFileSync(json, `${JSON.stringify(sar, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(html, renderSubjectAccessHtml(sar, partnership), { mode: 0o600 });
  return { json, html };
}
