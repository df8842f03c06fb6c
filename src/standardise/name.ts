/** Apostrophe-like characters, removed outright so that O'Brien and D’Souza stay one word. */
const APOSTROPHES = /['’‘`´ʼʹ′]/g;
/** Letters that Unicode decomposition leaves alone, folded by hand. */
const FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/**
 * Normalises a name for comparison: Unicode NFKD, diacritics stripped, lower-case, apostrophes
 * removed, hyphens and other punctuation to a space, whitespace collapsed; empty gives null.
 *
 * @example normaliseName("  Siobhán O'Brien-Smith ") // 'siobhan obrien smith'
 */
export function normaliseName(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch)
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return name === '' ? null : name;
}

/**
 * The words of a normalised name.
 *
 * @example nameTokens('Mary-Jane Smith') // ['mary', 'jane', 'smith']
 */
export function nameTokens(raw: string | null | undefined): string[] {
  return normaliseName(raw)?.split(' ') ?? [];
}
