/** The access matrix as a Markdown table, for docs/access.md (kept in sync by a test). */
import { conditionLabels } from './access-conditions.ts';
import { accessMatrix, type AccessRule } from './access-matrix.ts';
import { ROLES, type Role } from './roles.ts';

const roleHeadings: Record<Role, string> = {
  practitioner: 'practitioner', supervisor: 'supervisor', analyst: 'analyst',
  ig_lead: 'ig_lead', uploader: 'uploader', admin: 'admin',
};

/** One cell: "yes", "yes (own agency)", "anyone" for public routes, "—" when refused. */
export function accessCell(rule: AccessRule, role: Role): string {
  if (rule.public) return 'anyone';
  const grant = rule.roles[role];
  if (!grant) return '—';
  return grant.length ? `yes (${grant.map((c) => conditionLabels[c].short).join(', ')})` : 'yes';
}

/** The whole matrix as a Markdown table, one row per route. */
export function renderAccessMatrixMarkdown(): string {
  const header = `| method | route | what it is | ${ROLES.map((role) => roleHeadings[role]).join(' | ')} |`;
  const rule = `| --- | --- | --- | ${ROLES.map(() => '---').join(' | ')} |`;
  const rows = accessMatrix.map((entry) =>
    `| ${entry.method} | \`${entry.path}\` | ${entry.summary} | ${ROLES.map((role) => accessCell(entry, role)).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
