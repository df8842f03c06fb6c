/** Looking rules up in the access matrix: by route, and whether a role may open a page. */
import type { Condition } from './access-conditions.ts';
import { accessMatrix, type AccessRule } from './access-matrix.ts';
import type { Role } from './roles.ts';

const byRoute = new Map(accessMatrix.map((rule) => [routeKey(rule.method, rule.path), rule]));

function routeKey(method: string, path: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${path}`;
}

/** The rule for a registered route (HEAD is treated as GET), or undefined when it is not listed. */
export function findAccessRule(method: string, path: string): AccessRule | undefined {
  return byRoute.get(routeKey(method, path));
}

/**
 * What a role is granted on a rule: the conditions it must meet, or null when it is refused.
 * Public rules grant everyone with no condition.
 */
export function grantFor(rule: AccessRule, role: Role | null): readonly Condition[] | null {
  if (rule.public) return [];
  if (!role) return null;
  return rule.roles[role] ?? null;
}

/** True when `role` may open the page `GET path` at all (conditions aside); used to build menus. */
export function mayOpen(role: Role, path: string): boolean {
  const rule = findAccessRule('GET', path);
  return rule !== undefined && grantFor(rule, role) !== null;
}
