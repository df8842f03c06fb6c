/** Turning an identity provider's claims into a Tributary account: subject, name, role, team, agency. */
import type { Role } from '../../governance/index.ts';
import type { OidcSettings } from '../settings.ts';

export type MappedClaims =
  | { kind: 'mapped'; subject: string; username: string; displayName: string; role: Role; teamId: string | null; agencyId: string | null }
  | { kind: 'no_role' }
  | { kind: 'ambiguous_role'; roles: Role[] };

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Maps claims through the configured role claim and role map. A user with no mapped role, or with
 * values mapping to two different roles, is refused: one account has exactly one role.
 */
export function mapOidcClaims(claims: Record<string, unknown>, settings: OidcSettings): MappedClaims {
  const raw = claims[settings.roleClaim];
  const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : text(raw) ? [text(raw)!] : [];
  const roles = [...new Set(values.map((value) => settings.roleMap[value]).filter((r): r is Role => r !== undefined))];
  if (roles.length === 0) return { kind: 'no_role' };
  if (roles.length > 1) return { kind: 'ambiguous_role', roles };
  const sub = String(claims.sub);
  const preferred = text(claims.preferred_username) ?? sub;
  return {
    kind: 'mapped',
    subject: `${settings.issuer}#${sub}`,
    username: `oidc:${preferred}`,
    displayName: text(claims.name) ?? preferred,
    role: roles[0]!,
    teamId: settings.teamClaim ? text(claims[settings.teamClaim]) ?? null : null,
    agencyId: settings.agencyClaim ? text(claims[settings.agencyClaim]) ?? null : null,
  };
}
