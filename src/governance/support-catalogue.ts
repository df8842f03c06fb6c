/**
 * Reading the support catalogue, reporting every problem at once (duplicate offers, factors the
 * factor definitions do not know), and recommending offers for a person's factors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SupportCatalogueFileSchema, type SupportCatalogue, type SupportOffer } from './support-catalogue-schema.ts';

export type SupportCatalogueResult =
  | { readonly ok: true; readonly catalogue: SupportCatalogue }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Validates catalogue YAML; each problem names the source, the path in it and what is wrong.
 * `knownFactors`, when given, are the factor ids an offer may address.
 */
export function parseSupportCatalogue(text: string, source = 'support-catalogue.yaml', knownFactors?: ReadonlySet<string>): SupportCatalogueResult {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return { ok: false, problems: [`${source}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = SupportCatalogueFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${source}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`),
    };
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.offers.forEach((offer, index) => {
    if (seen.has(offer.id)) problems.push(`${source}: offers.${index}.id: offer "${offer.id}" is listed twice`);
    seen.add(offer.id);
    offer.addresses.forEach((factor, f) => {
      if (knownFactors && !knownFactors.has(factor)) {
        problems.push(`${source}: offers.${index}.addresses.${f}: "${factor}" is not a factor in the factor definitions`);
      }
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, catalogue: parsed.data };
}

/** Reads `<configDir>/support-catalogue.yaml`; a missing file is an empty catalogue. Throws listing every problem. */
export function readSupportCatalogue(configDir: string, knownFactors?: ReadonlySet<string>): SupportCatalogue {
  const file = join(configDir, 'support-catalogue.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { offers: [] };
  }
  const result = parseSupportCatalogue(text, file, knownFactors);
  if (result.ok) return result.catalogue;
  throw new Error(`invalid support catalogue (${result.problems.length} problems):\n  ${result.problems.join('\n  ')}`);
}

/**
 * The offers addressing at least one of `factors`, those addressing most of them first, each with
 * the factors it addresses.
 * @example recommendOffers(catalogue, ['school_exclusion'])[0]?.offer.id // 'school-inclusion-mentoring'
 */
export function recommendOffers(catalogue: SupportCatalogue, factors: readonly string[]): Array<{ offer: SupportOffer; addresses: string[] }> {
  const present = new Set(factors);
  return catalogue.offers
    .map((offer) => ({ offer, addresses: offer.addresses.filter((f) => present.has(f)) }))
    .filter((r) => r.addresses.length > 0)
    .sort((a, b) => b.addresses.length - a.addresses.length || a.offer.name.localeCompare(b.offer.name));
}
