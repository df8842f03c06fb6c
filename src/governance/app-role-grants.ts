/**
 * On a PostgreSQL server the application connects as its own role, which may read and write the
 * working tables but may only SELECT and INSERT the audit log. The migration owner (a different
 * role) runs migrations; these statements are then run by the owner, and again after each migration.
 */
const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The GRANT/REVOKE statements for the application role `role` on database `database`.
 * @example applicationRoleGrants('tributary_app', 'tributary')
 * // GRANT CONNECT ON DATABASE tributary TO tributary_app; … REVOKE UPDATE, DELETE, TRUNCATE ON audit_log …
 */
export function applicationRoleGrants(role: string, database: string): string[] {
  for (const name of [role, database]) {
    if (!identifier.test(name)) throw new Error(`"${name}" is not a plain lower-case SQL identifier`);
  }
  return [
    `GRANT CONNECT ON DATABASE ${database} TO ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role}`,
  ];
}
