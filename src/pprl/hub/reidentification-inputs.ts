/** What a practitioner gives to ask for a re-identification, and what the agency gives to answer or refuse. */
import { z } from 'zod';
import { PurposeSchema } from '../../governance/purposes.ts';


const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);
/** A field that must be given: the same message whether it is missing or too short. */
const required = (max: number, min: number, message: string) =>
  z.string({ error: message }).trim().max(max, `Use at most ${max} characters`).min(min, message);

export const ReidentificationRequestSchema = z.object({
  agencyId: required(100, 1, 'Select the agency to ask'),
  purpose: z.enum(PurposeSchema.options, { error: 'Select early help, safeguarding or prevention' }).refine((p) => ['early_help', 'safeguarding', 'prevention'].includes(p), 'Select early help, safeguarding or prevention'),
  reason: required(2000, 20, 'Give the lawful reason you need to know who this is (at least 20 characters)'),
});
export type ReidentificationRequestInput = z.infer<typeof ReidentificationRequestSchema>;

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of birth as YYYY-MM-DD');

export const ReidentificationAnswerSchema = z.object({
  givenName: required(100, 1, 'Enter the given name'),
  familyName: required(100, 1, 'Enter the family name'),
  dob: z.union([isoDate, z.literal('').transform(() => undefined)]).optional(),
  address: text(300).optional(),
  note: text(1000).optional(),
});
export type ReidentificationAnswerInput = z.infer<typeof ReidentificationAnswerSchema>;

export const ReidentificationRefusalSchema = z.object({
  refusal: required(1000, 10, 'Say why the agency refuses (at least 10 characters)'),
});

/** The sealed answer, once opened: the agency's own reference and what it says about who the person is. */
export interface ReidentificationAnswer extends ReidentificationAnswerInput { localId: string }
