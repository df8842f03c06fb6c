/**
 * MAP.json for `tributary link`: the record id column, the link type, which columns fill which
 * identifier roles, named extra identifiers and descriptive attributes. Every problem is
 * reported at once, naming the role and what to do.
 */
import { z } from 'zod';
import { DATE_FORMATS, IDENTIFIER_ROLES } from '../../ingest/mapping-schema.ts';
import { LINK_TYPES } from '../spec/linkage-spec-schema.ts';

const column = z.string().min(1, 'a column name cannot be empty');

/** A role is filled from a column, several columns joined with spaces, or a date column with its format. */
export const RoleSourceSchema = z.union([
  column,
  z.array(column).min(1),
  z.object({ column, format: z.string().optional() }).strict(),
]);

export const LinkMapSchema = z.object({
  id: column,
  link_type: z.enum(LINK_TYPES).default('dedupe'),
  columns: z.record(z.string(), RoleSourceSchema).default({}),
  extra_ids: z.record(z.string(), column).default({}),
  attributes: z.record(z.string(), column).default({}),
}).strict().superRefine((map, ctx) => {
  for (const [role, source] of Object.entries(map.columns)) {
    if (!(IDENTIFIER_ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: 'custom', path: ['columns', role], message: `unknown role "${role}"; known roles: ${IDENTIFIER_ROLES.join(', ')} (put other identifiers under extra_ids, other descriptive columns under attributes)` });
    }
    if (typeof source === 'object' && !Array.isArray(source) && source.format !== undefined) {
      if (role !== 'dob') ctx.addIssue({ code: 'custom', path: ['columns', role, 'format'], message: `a format applies only to the dob role` });
      else if (!(DATE_FORMATS as readonly string[]).includes(source.format)) {
        ctx.addIssue({ code: 'custom', path: ['columns', role, 'format'], message: `unknown date format "${source.format}"; use one of ${DATE_FORMATS.join(', ')}` });
      }
    }
  }
  if (Object.keys(map.columns).length + Object.keys(map.extra_ids).length + Object.keys(map.attributes).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['columns'], message: 'no column fills any role: there is nothing to compare' });
  }
});

export type LinkMap = z.output<typeof LinkMapSchema>;
export type RoleSource = z.output<typeof RoleSourceSchema>;

/** The raw columns a role source reads. */
export function sourceColumns(source: RoleSource): string[] {
  return typeof source === 'string' ? [source] : Array.isArray(source) ? source : [source.column];
}

/** Every raw column the map reads, with the role it fills (for error messages). */
export function mappedColumns(map: LinkMap): Array<{ column: string; role: string }> {
  return [
    { column: map.id, role: 'id' },
    ...Object.entries(map.columns).flatMap(([role, s]) => sourceColumns(s).map((column) => ({ column, role }))),
    ...Object.entries(map.extra_ids).map(([name, column]) => ({ column, role: `extra_ids.${name}` })),
    ...Object.entries(map.attributes).map(([name, column]) => ({ column, role: `attributes.${name}` })),
  ];
}
