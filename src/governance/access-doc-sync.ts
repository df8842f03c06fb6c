/**
 * Keeps the generated parts of docs/access.md in step with their sources: the access matrix and the
 * application role's grants. `npx tsx src/governance/write-access-doc.ts` rewrites them.
 */
import { renderAccessMatrixMarkdown } from './access-doc.ts';
import { applicationRoleGrants } from './app-role-grants.ts';

export const generatedSections: Record<string, () => string> = {
  'access-matrix': renderAccessMatrixMarkdown,
  'app-role-grants': () => ['```sql', ...applicationRoleGrants('tributary_app', 'tributary').map((s) => `${s};`), '```'].join('\n'),
};

/** `doc` with every `<!-- name:start -->…<!-- name:end -->` section replaced by its generated text. */
export function syncGeneratedSections(doc: string): string {
  let result = doc;
  for (const [name, render] of Object.entries(generatedSections)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!pattern.test(result)) throw new Error(`docs/access.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
    result = result.replace(pattern, (_match, start: string, end: string) => `${start}\n${render()}\n${end}`);
  }
  return result;
}
