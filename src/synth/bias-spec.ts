/**
 * Recording bias: for the same behaviour, one group's acts are recorded more (or less) often by
 * one agency. Written on the command line as `AGENCY:ATTRIBUTE=VALUE:FACTOR`, e.g.
 * `police:ethnicity=Black:2.0` (police detect and record offences by Black people twice as often).
 */
import { z } from 'zod';

export const BIAS_AGENCIES = ['police'] as const;
export const BIAS_ATTRIBUTES = ['ethnicity', 'sex'] as const;
export const ETHNIC_GROUPS = ['White', 'Mixed', 'Asian', 'Black', 'Other'] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

export const BiasSchema = z.discriminatedUnion('attribute', [
  z.object({
    agency: z.enum(BIAS_AGENCIES),
    attribute: z.literal('ethnicity'),
    value: z.enum(ETHNIC_GROUPS),
    factor: z.number().positive().max(100),
  }).strict(),
  z.object({
    agency: z.enum(BIAS_AGENCIES),
    attribute: z.literal('sex'),
    value: z.enum(['F', 'M']),
    factor: z.number().positive().max(100),
  }).strict(),
]);
export type Bias = z.infer<typeof BiasSchema>;

const SPEC = /^([a-z-]+):([a-z]+)=([A-Za-z]+):([0-9]*\.?[0-9]+)$/;

/**
 * Parses `police:ethnicity=Black:2.0` into a bias, or explains what is wrong.
 *
 * @example parseBiasSpec('police:sex=M:1.5') // { ok: true, bias: { agency: 'police', attribute: 'sex', value: 'M', factor: 1.5 } }
 */
export function parseBiasSpec(text: string): { ok: true; bias: Bias } | { ok: false; message: string } {
  const match = SPEC.exec(text.trim());
  if (!match) {
    return { ok: false, message: `bias "${text}" is not AGENCY:ATTRIBUTE=VALUE:FACTOR (e.g. police:ethnicity=Black:2.0)` };
  }
  const [, agency, attribute, value, factor] = match;
  const parsed = BiasSchema.safeParse({ agency, attribute, value, factor: Number(factor) });
  if (parsed.success) return { ok: true, bias: parsed.data };
  return {
    ok: false,
    message: `bias "${text}": agency must be one of ${BIAS_AGENCIES.join(', ')}; attribute ethnicity ` +
      `(${ETHNIC_GROUPS.join(', ')}) or sex (F, M); factor a positive number`,
  };
}

/** The factor by which `agency` records the acts of a person with these characteristics. */
export function recordingFactor(
  biases: readonly Bias[], agency: Bias['agency'], person: { ethnicGroup: EthnicGroup; sex: 'F' | 'M' },
): number {
  let factor = 1;
  for (const b of biases) {
    if (b.agency !== agency) continue;
    const matches = b.attribute === 'ethnicity' ? person.ethnicGroup === b.value : person.sex === b.value;
    if (matches) factor *= b.factor;
  }
  return factor;
}
