/**
 * What the partnership says about its use of Tributary that the store cannot know: who owns it, why
 * it is used, how people oversee it, the impact assessments done and the risks seen. Written in
 * `config/town/transparency.yaml`; the rest of the transparency record comes from the store.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const TransparencyConfigSchema = z.object({
  tool: z.object({
    name: text,
    /** Tier 1: what the tool is and why it is used, in two or three plain sentences. */
    summary: text,
    how_it_works: text,
    website: z.string().url().nullable().default(null),
    contact_email: z.string().email(),
    /** Offline ways to ask (post, phone, in person). */
    find_out_more: text,
  }).strict(),
  owner: z.object({
    organisation: text,
    team: text,
    senior_responsible_owner: text,
    external_supplier: z.object({
      name: text, companies_house_number: z.string().nullable().default(null), role: text,
      procurement: text, data_access_terms: text,
    }).strict().nullable().default(null),
  }).strict(),
  description: z.object({
    detailed: text,
    scope: text,
    benefits: z.array(text).min(1),
    alternatives_considered: z.array(text).min(1),
  }).strict(),
  decision_making: z.object({
    process_integration: text,
    information_provided: text,
    frequency_and_scale: text,
    human_oversight: text,
    required_training: text,
    appeals_and_review: text,
  }).strict(),
  technical: z.object({
    phase: z.enum(['idea', 'design', 'development', 'pilot', 'production', 'retired']),
    system_architecture: text,
    model_type: text,
    model_task: text,
    model_output: text,
    maintenance: text,
  }).strict(),
  data: z.object({
    /** Protected characteristics: how they are kept out of the model and used only to audit fairness. */
    sensitive_attributes: text,
    data_quality: text,
    storage_and_access: text,
  }).strict(),
  impact_assessments: z.array(z.object({
    name: text, description: text, completed_on: isoDate.nullable().default(null), link: z.string().url().nullable().default(null),
  }).strict()),
  risks: z.array(z.object({ name: text, description: text, mitigation: text }).strict()).min(1),
}).strict();

export type TransparencyConfig = z.infer<typeof TransparencyConfigSchema>;

/** Reads and validates a transparency YAML file; every problem is reported at once, with its path. */
export function loadTransparencyConfig(path: string): TransparencyConfig {
  const parsed = TransparencyConfigSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  throw new Error(`${path} is not a valid transparency configuration:\n${problems.join('\n')}`);
}
