/**
 * What a practitioner submits about a person — a decision, consent, a support plan, an outcome, an
 * allocation — as Zod schemas shared by the HTML forms and the JSON API, with the labels shown.
 */
import { z } from 'zod';

export const DECISION_KINDS = ['offer_support', 'already_supported', 'no_action', 'data_error'] as const;
export const CONSENT_STATUSES = ['given', 'refused', 'withdrawn'] as const;
export const CONSENT_GIVERS = ['young_person', 'parent_carer'] as const;
export const PLAN_STATUSES = ['planned', 'active', 'completed', 'declined', 'closed'] as const;
export const OUTCOMES = ['engaged', 'goal_met', 'partly_met', 'not_met', 'disengaged'] as const;

export const labels = {
  decision: {
    offer_support: 'Offer support', already_supported: 'Already supported', no_action: 'No action', data_error: 'Data error',
  } satisfies Record<(typeof DECISION_KINDS)[number], string>,
  consent: { given: 'Given', refused: 'Refused', withdrawn: 'Withdrawn' } satisfies Record<(typeof CONSENT_STATUSES)[number], string>,
  giver: { young_person: 'The young person', parent_carer: 'A parent or carer' } satisfies Record<(typeof CONSENT_GIVERS)[number], string>,
  planStatus: {
    planned: 'Planned', active: 'Active', completed: 'Completed', declined: 'Declined', closed: 'Closed',
  } satisfies Record<(typeof PLAN_STATUSES)[number], string>,
  outcome: {
    engaged: 'Engaged', goal_met: 'Goal met', partly_met: 'Goal partly met', not_met: 'Goal not met', disengaged: 'Disengaged',
  } satisfies Record<(typeof OUTCOMES)[number], string>,
};

/** An empty form field is an absent one. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Enter a real date');
const note = optional(z.string().trim().max(2000, 'Keep the note to 2000 characters'));

export const DecisionInputSchema = z.object({
  kind: z.enum(DECISION_KINDS, { error: 'Select a decision' }),
  reason: z.string({ error: 'Give the reason for the decision' }).trim().min(1, 'Give the reason for the decision').max(2000, 'Keep the reason to 2000 characters'),
  /** For a data error: the source record that is wrong (a dispute is opened on it). */
  sourceRecordId: optional(z.coerce.number().int().positive()),
});

export const ConsentInputSchema = z.object({
  status: z.enum(CONSENT_STATUSES, { error: 'Select whether consent was given, refused or withdrawn' }),
  givenBy: z.enum(CONSENT_GIVERS, { error: 'Select who gave or refused consent' }),
  note,
});

export const PlanInputSchema = z.object({
  offerId: z.string({ error: 'Select a support offer' }).min(1, 'Select a support offer').max(100),
  goal: z.string({ error: 'Say what the support should achieve' }).trim().min(1, 'Say what the support should achieve').max(2000, 'Keep the goal to 2000 characters'),
  startOn: optional(isoDate),
  reviewOn: optional(isoDate),
});

export const OutcomeInputSchema = z.object({
  outcome: z.enum(OUTCOMES, { error: 'Select an outcome' }),
  status: optional(z.enum(PLAN_STATUSES)),
  note,
});

export const AllocationInputSchema = z.object({
  /** A practitioner of the team, or none (held by the team). */
  workerId: optional(z.string().max(100)),
});

export type DecisionInput = z.infer<typeof DecisionInputSchema>;
export type ConsentInput = z.infer<typeof ConsentInputSchema>;
export type PlanInput = z.infer<typeof PlanInputSchema>;
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;
export type AllocationInput = z.infer<typeof AllocationInputSchema>;

/** A submission that parses but cannot be applied (a record that is not theirs, an unknown offer…), with the field at fault. */
export class CaseworkInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'CaseworkInputError';
  }
}

/** The first message per field of a failed parse: `{ reason: 'Give the reason…' }`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
