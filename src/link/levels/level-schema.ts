/**
 * Comparison levels as data: each a `kind`-tagged object naming the columns it reads. A
 * comparison is an ordered list of levels; the first whose condition holds is the pair's level.
 */
import { z } from 'zod';

const column = z.string().min(1);
const threshold = z.number().gt(0).lte(1);

/** Term-frequency adjustment: a match on a rare value counts for more than one on a common value. */
export const TfAdjustmentSchema = z.object({ weight: z.number().min(0).max(1).default(1) }).strict();

export const NullLevelSchema = z.object({ kind: z.literal('null'), columns: z.array(column).min(1) }).strict();
export const ExactLevelSchema = z.object({
  kind: z.literal('exact'), column, tf_adjustment: TfAdjustmentSchema.optional(),
}).strict();
export const JaroWinklerLevelSchema = z.object({
  kind: z.literal('jaro_winkler'), column, threshold, tf_adjustment: TfAdjustmentSchema.optional(),
}).strict();
export const LevenshteinLevelSchema = z.object({
  kind: z.literal('levenshtein'), column, max_distance: z.number().int().min(1),
  damerau: z.boolean().default(true),
}).strict();
export const JaccardLevelSchema = z.object({ kind: z.literal('jaccard'), column, threshold }).strict();
export const InitialsLevelSchema = z.object({ kind: z.literal('initials'), column }).strict();
export const NameSwapLevelSchema = z.object({
  kind: z.literal('name_swap'), given: column, family: column, threshold: threshold.default(1),
}).strict();
export const AliasLevelSchema = z.object({ kind: z.literal('alias'), column }).strict();
export const FormerNameLevelSchema = z.object({ kind: z.literal('former_name'), column, former: column }).strict();
export const DateWithinLevelSchema = z.object({
  kind: z.literal('date_within'), column, days: z.number().int().min(1),
}).strict();
export const DateTransposedLevelSchema = z.object({ kind: z.literal('date_transposed'), column }).strict();
export const DateSameLevelSchema = z.object({
  kind: z.literal('date_same'), column, part: z.enum(['year', 'year_month', 'month_day']),
}).strict();
export const PostcodeLevelSchema = z.object({
  kind: z.literal('postcode'), column, part: z.enum(['sector', 'district', 'area']),
}).strict();
export const IdOneTypoLevelSchema = z.object({ kind: z.literal('id_one_typo'), column }).strict();
export const ElseLevelSchema = z.object({ kind: z.literal('else') }).strict();

export const LevelSchema = z.discriminatedUnion('kind', [
  NullLevelSchema, ExactLevelSchema, JaroWinklerLevelSchema, LevenshteinLevelSchema, JaccardLevelSchema,
  InitialsLevelSchema, NameSwapLevelSchema, AliasLevelSchema, FormerNameLevelSchema,
  DateWithinLevelSchema, DateTransposedLevelSchema, DateSameLevelSchema, PostcodeLevelSchema,
  IdOneTypoLevelSchema, ElseLevelSchema,
]);

export type Level = z.infer<typeof LevelSchema>;
export type LevelKind = Level['kind'];
export type LevelOf<K extends LevelKind> = Extract<Level, { kind: K }>;
export type TfAdjustment = z.infer<typeof TfAdjustmentSchema>;
