/**
 * Tells, chunk by chunk, when every record of a chunk is certainly new to its dataset, so that the
 * chunk can be written with a plain `INSERT` in place of the upsert (which costs the server a
 * speculative insertion per row and an `ON CONFLICT` check per event). It knows only what it is told:
 * whether the dataset held any record when the load began (asked under the dataset's lock), and the
 * keys of the chunks written since. Keys are kept as 53-bit hashes in an open-addressing table of
 * bounded size: a hash collision or a full table only makes a chunk take the upsert, never the reverse.
 */

/** A chunk is `insert` only when none of its keys can be held already; otherwise `upsert`. */
export type WriteMode = 'insert' | 'upsert';

export interface FreshKeys {
  /** The mode for a chunk with these record keys; the keys are then counted as held. */
  modeFor(keys: Iterable<string>): WriteMode;
}

/** At most this many keys are remembered (a table of 2^22 doubles, 32 MiB); after that every chunk is `upsert`. */
const MAX_KEYS = 1 << 21;

/**
 * The tracker of one load. `datasetWasEmpty` must come from the store inside the load's transaction,
 * after its advisory lock (no other load of the dataset can then add records).
 * @example const fresh = freshKeys(true); fresh.modeFor(['subject\u0000A1']) // 'insert'; again: 'upsert'
 */
export function freshKeys(datasetWasEmpty: boolean): FreshKeys {
  let table = new Float64Array(1 << 12);
  let count = 0;
  let full = !datasetWasEmpty;
  /** Adds the hash; false when it was there already (one probe of the table for both). */
  const add = (h: number): boolean => {
    let i = h & (table.length - 1);
    while (table[i] !== 0) {
      if (table[i] === h) return false;
      i = (i + 1) & (table.length - 1);
    }
    table[i] = h;
    count += 1;
    if (count * 2 > table.length) grow();
    return true;
  };
  const grow = (): void => {
    const old = table;
    table = new Float64Array(old.length * 2);
    count = 0;
    for (const h of old) if (h !== 0) add(h);
  };
  return {
    modeFor(keys) {
      if (full) return 'upsert';
      let mode: WriteMode = 'insert';
      for (const key of keys) {
        if (count >= MAX_KEYS) {
          // too many to remember (and the table no larger than for MAX_KEYS): this chunk and every
          // later one take the upsert, which is always right
          full = true;
          table = new Float64Array(0);
          return 'upsert';
        }
        if (!add(hash53(key))) mode = 'upsert';
      }
      return mode;
    },
  };
}

/** cyrb53 (a public-domain 53-bit string hash), never 0 (0 marks an empty slot). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}
