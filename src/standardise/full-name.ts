import { isSurnameParticle } from './surname-particles.ts';
import { stripTitles } from './titles.ts';

export type NameLayout = 'SURNAME/FORENAMES' | 'SURNAME, FORENAMES' | 'FORENAMES SURNAME';
export interface NameParts { given: string | null; middle: string | null; family: string | null }

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');
const orNull = (ws: string[]): string | null => (ws.length === 0 ? null : ws.join(' '));

function fromParts(family: string[], forenames: string[]): NameParts {
  return { given: forenames[0] ?? null, middle: orNull(forenames.slice(1)), family: orNull(family) };
}

/** The index where the family name starts: the last word, with the particles just before it. */
function familyStart(ws: string[]): number {
  let start = ws.length - 1;
  while (start > 1 && isSurnameParticle(ws[start - 1] as string)) start--;
  return start;
}

/**
 * Splits a full-name field by its layout into given name (first forename), middle names (the
 * other forenames) and family name. Titles are dropped; the parts keep their case and
 * punctuation (normalise them with `normaliseName`). A missing separator leaves it all family.
 *
 * @example splitFullName('SMITH/JOHN PAUL', 'SURNAME/FORENAMES') // { given: 'JOHN', middle: 'PAUL', family: 'SMITH' }
 */
export function splitFullName(raw: string, layout: NameLayout): NameParts {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (layout === 'FORENAMES SURNAME') {
    const ws = words(stripTitles(text));
    if (ws.length <= 1) return fromParts(ws, []);
    const start = familyStart(ws);
    return fromParts(ws.slice(start), ws.slice(0, start));
  }
  const separator = layout === 'SURNAME/FORENAMES' ? '/' : ',';
  const at = text.indexOf(separator);
  if (at < 0) return fromParts(words(stripTitles(text)), []);
  const family = words(text.slice(0, at));
  const forenames = words(stripTitles(text.slice(at + 1).replaceAll(separator, ' ')));
  return fromParts(family, forenames);
}
