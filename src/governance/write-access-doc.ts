/** Rewrites the generated sections of docs/access.md: `npx tsx src/governance/write-access-doc.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncGeneratedSections } from './access-doc-sync.ts';

const path = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'access.md');
writeFileSync(path, syncGeneratedSections(readFileSync(path, 'utf8')));
console.log(`rewrote the generated sections of ${path}`);
