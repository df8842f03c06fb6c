/**
 * The MAP.json that `tributary link` and `tributary pprl encode` share: which CSV columns fill
 * which identifier roles. A minimal reader kept here until the link stage publishes its own.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const MAP_ROLES = [
  'given_name', 'middle_names', 'family_name', 'former_family_names', 'dob', 'sex', 'postcode',
  'address', 'locality', 'region', 'nhs_number', 'upn', 'ni_number', 'pnc_id', 'email', 'phone',
] as const;
export type MapRole = (typeof MAP_ROLES)[number];

const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'YYYYMMDD', 'DD-MM-YYYY', 'MM/DD/YYYY', 'ISO', 'auto'] as const;
const column = z.string().min(1);

/** A role filled from one column, several joined with spaces, or a date column with its format. */
export const ColumnSourceSchema = z.union([
  column,
  z.array(column).min(1),
  z.object({ column, format: z.enum(DATE_FORMATS).default('auto') }).strict(),
]);
export type ColumnSource = z.infer<typeof ColumnSourceSchema>;

export const MapFileSchema = z.object({
  id: column,
  link_type: z.enum(['link', 'dedupe', 'link_and_dedupe']).optional(),
  columns: z.partialRecord(z.enum(MAP_ROLES), ColumnSourceSchema),
  extra_ids: z.record(z.string(), column).default({}),
  attributes: z.record(z.string(), column).default({}),
}).strict();
export type MapFile = z.infer<typeof MapFileSchema>;

/** Reads and validates a MAP.json, listing every problem with its path. */
export async function readMapFile(path: string): Promise<MapFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the map as JSON (${(error as Error).message}).`);
  }
  const parsed = MapFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
  throw new Error(`${path} is not a valid map:\n${problems}\nSee docs/pprl.md for the MAP.json format.`);
}

/** The columns a map reads, to check them against a file's header. */
export function mapColumns(map: MapFile): string[] {
  const cols = new Set<string>([map.id]);
  for (const source of Object.values(map.columns)) {
    if (typeof source === 'string') cols.add(source);
    else if (Array.isArray(source)) source.forEach((c) => cols.add(c));
    else if (source) cols.add(source.column);
  }
  Object.values(map.extra_ids).forEach((c) => cols.add(c));
  return [...cols];
}
