/** Lower-case words that start a family name (van der Berg, de la Cruz, St John, bin Ali). */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'ap', 'bin', 'da', 'de', 'del', 'della', 'den', 'der', 'di', 'du', 'el', 'ibn', 'la', 'le',
  'st', 'ter', 'van', 'von',
]);

/** Whether a word (any case, optional full stop) is a surname particle. */
export function isSurnameParticle(word: string): boolean {
  return SURNAME_PARTICLES.has(word.toLowerCase().replace(/\.$/, ''));
}
