import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syncGeneratedSections } from './access-doc-sync.ts';
import { accessCell, renderAccessMatrixMarkdown } from './access-doc.ts';
import { accessMatrix } from './access-matrix.ts';

describe('docs/access.md', () => {
  it('shows the access matrix and the application role grants exactly as the code has them', () => {
    const doc = readFileSync(new URL('../../docs/access.md', import.meta.url), 'utf8');
    expect(doc, 'docs/access.md is out of date: run npx tsx src/governance/write-access-doc.ts').toBe(syncGeneratedSections(doc));
    expect(doc).toContain(renderAccessMatrixMarkdown());
  });

  it.each([
    { description: 'a public route', path: '/health', role: 'admin' as const, cell: 'anyone' },
    { description: 'a refused role', path: '/governance/audit', role: 'admin' as const, cell: '—' },
    { description: 'an unconditional grant', path: '/governance/audit', role: 'ig_lead' as const, cell: 'yes' },
    { description: 'a conditional grant', path: '/people/:personId', role: 'analyst' as const, cell: 'yes (purpose stated, pseudonymised)' },
  ])('renders $description as "$cell"', ({ path, role, cell }) => {
    const rule = accessMatrix.find((r) => r.path === path && r.method === 'GET')!;
    expect(accessCell(rule, role)).toBe(cell);
  });
});
