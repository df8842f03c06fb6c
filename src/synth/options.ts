/**
 * The options of one synthetic-town run, written once (Zod) and inferred from there. Every
 * fault rate is a probability per opportunity (see docs/town-extracts.md) and is multiplied by
 * `errorRate` (capped at 1), so `errorRate: 0` gives clean extracts and `2` doubles every fault.
 */
import { z } from 'zod';
import { BiasSchema } from './bias-spec.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const rate = z.number().min(0).max(1);

export const FAULT_KINDS = ['typo', 'nickname', 'dateSwap', 'missing', 'oldSurname', 'oldAddress', 'idTypo'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FaultRatesSchema = z.object({
  /** Per name field (forename, surname): one keyboard slip (substitution, transposition, drop, double). */
  typo: rate.default(0.02),
  /** Per forename that has a familiar form: Bill for William. */
  nickname: rate.default(0.1),
  /** Per date of birth whose day is 12 or less and differs from the month: day and month swapped. */
  dateSwap: rate.default(0.01),
  /** Per optional field (postcode, sex, an identifier the agency does not always hold…): left blank. */
  missing: rate.default(0.03),
  /** Per record whose subject had an earlier surname: the earlier one is recorded. */
  oldSurname: rate.default(0.2),
  /** Per record whose subject had an earlier address: the earlier postcode/address is recorded. */
  oldAddress: rate.default(0.15),
  /** Per identifier value (NHS number, UPN, PNC id, NI number): one digit mistyped. */
  idTypo: rate.default(0.005),
}).strict();
export type FaultRates = z.infer<typeof FaultRatesSchema>;

export const AgeBandSchema = z.object({
  from: z.number().int().min(0).max(25),
  to: z.number().int().min(0).max(25),
  weight: z.number().nonnegative(),
}).strict().refine((b) => b.from <= b.to, { message: 'an age band needs from <= to' });
export type AgeBand = z.infer<typeof AgeBandSchema>;

/** Equal weight per year of age: the flat births of a stable town. */
export const DEFAULT_AGE_PROFILE: AgeBand[] = [
  { from: 0, to: 4, weight: 5 }, { from: 5, to: 10, weight: 6 }, { from: 11, to: 15, weight: 5 },
  { from: 16, to: 17, weight: 2 }, { from: 18, to: 25, weight: 8 },
];

export const SynthOptionsSchema = z.object({
  /** People in the town: young people aged 0–25 and the adults around them (stops at the first family reaching it). */
  people: z.number().int().min(10).max(5_000_000),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  out: z.string().min(1),
  /** The day every extract is taken. */
  extractDate: isoDate.default('2026-03-31'),
  /** Years of history the agencies' extracts cover, ending at the extract date. */
  historyYears: z.number().int().min(1).max(20).default(10),
  /** Multiplies every fault rate (0 = clean extracts). */
  errorRate: z.number().min(0).max(50).default(1),
  faults: FaultRatesSchema.default(FaultRatesSchema.parse({})),
  /** Recording bias: one group's behaviour recorded more often by one agency. */
  bias: z.array(BiasSchema).default([]),
  /** Relative weight of each age band among the young people (ages 0–25 at the extract date). */
  ageProfile: z.array(AgeBandSchema).min(1).default(DEFAULT_AGE_PROFILE),
}).strict();

export type SynthOptions = z.infer<typeof SynthOptionsSchema>;
export type SynthOptionsInput = z.input<typeof SynthOptionsSchema>;

/** The effective rate of a fault: its configured rate times the error multiplier, at most 1. */
export function effectiveRate(options: Pick<SynthOptions, 'faults' | 'errorRate'>, kind: FaultKind): number {
  return Math.min(1, options.faults[kind] * options.errorRate);
}
