/**
 * The support catalogue (`support-catalogue.yaml` beside `partnership.yaml`): the local offers a
 * practitioner can refer a young person to, which risk factors each addresses and how to refer.
 */
import { z } from 'zod';

export const OFFER_TYPES = ['education', 'substance_misuse', 'housing', 'family_work', 'employment', 'health', 'youth_work', 'other'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

export const offerTypeLabels: Record<OfferType, string> = {
  education: 'Education', substance_misuse: 'Substance misuse', housing: 'Housing', family_work: 'Family work',
  employment: 'Employment', health: 'Health', youth_work: 'Youth work', other: 'Other',
};

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');

export const SupportOfferSchema = z.object({
  id: slug,
  name: z.string().min(1),
  provider: z.string().min(1),
  type: z.enum(OFFER_TYPES),
  /** Factor ids (config/factors.yaml) the offer addresses. */
  addresses: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a factor id such as school_exclusion')).min(1),
  /** How to refer: who, by what route, with what consent. */
  referral: z.string().min(1),
}).strict();

export const SupportCatalogueFileSchema = z.object({ offers: z.array(SupportOfferSchema) }).strict();

export type SupportOffer = z.infer<typeof SupportOfferSchema>;
export type SupportCatalogue = z.infer<typeof SupportCatalogueFileSchema>;
