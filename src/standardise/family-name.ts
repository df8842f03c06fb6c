import { normaliseName } from './name.ts';
import { SURNAME_PARTICLES } from './surname-particles.ts';

/**
 * The forms a family name may be recorded under: the whole (normalised) name, then each of its
 * parts that is not a particle, so that a double-barrelled name matches either half.
 *
 * @example familyNameVariants('Smith-Jones') // ['smith jones', 'smith', 'jones']
 */
export function familyNameVariants(family: string): string[] {
  const whole = normaliseName(family);
  if (whole === null) return [];
  const parts = whole.split(' ').filter((w) => !SURNAME_PARTICLES.has(w));
  return [...new Set([whole, ...parts])];
}
