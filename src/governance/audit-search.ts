/** Searching the audit log by actor, action and date, newest first. */
import { z } from 'zod';
import type { Store } from '../store/index.ts';
import { AuditActionSchema } from './audit-actions.ts';
import { auditEntryFromRow, type AuditEntry } from './audit-chain.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD, for example 2026-11-25')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Enter a real date');

export const AuditQuerySchema = z.object({
  actor: z.string().trim().max(100).optional().transform((value) => value || undefined),
  action: z.union([AuditActionSchema, z.literal('')]).optional().transform((value) => value || undefined),
  from: z.union([isoDate, z.literal('')]).optional().transform((value) => value || undefined),
  to: z.union([isoDate, z.literal('')]).optional().transform((value) => value || undefined),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** Entries matching every given filter (`to` is inclusive of the whole day, UTC). */
export async function searchAudit(store: Store, query: AuditQuery): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.actor) add((p) => `actor = ${p}`, query.actor);
  if (query.action) add((p) => `action = ${p}`, query.action);
  if (query.from) add((p) => `at >= (${p}::date::timestamp AT TIME ZONE 'UTC')`, query.from);
  if (query.to) add((p) => `at < ((${p}::date + 1)::timestamp AT TIME ZONE 'UTC')`, query.to);
  params.push(query.limit);
  const rows = await store.sql.query(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(auditEntryFromRow);
}
