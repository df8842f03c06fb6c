/**
 * Purposes a person may be viewed for. The list is the agreements' own (partnership-schema), so a
 * purpose exists only if a data-sharing agreement can name it. There is no enforcement purpose:
 * a request stating one is refused and audited.
 */
import { z } from 'zod';
import { AgreementSchema } from './partnership-schema.ts';
import type { Role } from './roles.ts';

/** Every purpose an agreement may name. */
export const PURPOSES = AgreementSchema.shape.purposes.element.options;

export const PurposeSchema = z.enum(PURPOSES);
export type Purpose = z.infer<typeof PurposeSchema>;

export const purposeLabels: Record<Purpose, { name: string; hint: string }> = {
  early_help: { name: 'Early help', hint: 'Offering support to a young person or their family before problems grow.' },
  safeguarding: { name: 'Safeguarding', hint: 'Protecting a young person from harm.' },
  prevention: { name: 'Prevention', hint: 'Youth justice prevention work with a young person not yet in the system.' },
  linkage_quality: { name: 'Linkage quality', hint: 'Checking that records were matched to the right person.' },
  model_development: { name: 'Model development', hint: 'Building and evaluating a model version.' },
  audit: { name: 'Audit', hint: 'Checking that the partnership used its data lawfully.' },
};

/** The purposes for which each role may open a person. Roles not listed may not open people at all. */
export const personViewPurposes: Record<Role, readonly Purpose[]> = {
  practitioner: ['early_help', 'safeguarding', 'prevention'],
  supervisor: ['early_help', 'safeguarding', 'prevention'],
  analyst: ['linkage_quality'],
  ig_lead: [],
  uploader: [],
  admin: [],
};

/** True when `value` is a purpose any agreement may name (so never "enforcement"). */
export function isKnownPurpose(value: unknown): value is Purpose {
  return PurposeSchema.safeParse(value).success;
}

/**
 * The purposes a role may state now: its own person-view purposes that at least one active
 * agreement allows.
 */
export function offeredPurposes(role: Role, agreedPurposes: ReadonlySet<string>): Purpose[] {
  return personViewPurposes[role].filter((purpose) => agreedPurposes.has(purpose));
}
