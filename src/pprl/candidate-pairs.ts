/**
 * Blocking at the hub: records that share any opaque blocking key become candidate pairs. For
 * `link`, only pairs from different sources; for `dedupe`, all pairs. Each pair appears once.
 */
import type { EncodedRecord } from './clk-file.ts';

export type LinkType = 'link' | 'dedupe';

export interface CandidatePairs {
  /** Flat (i, j) record indices with i < j. */
  pairs: Int32Array;
  /** Blocks larger than the cap, skipped (a too-common key finds nothing useful and costs a lot). */
  skippedBlocks: number;
}

/**
 * @param sourceOf each record's source index.
 * @param maxBlockSize blocks with more records than this are skipped.
 */
export function candidatePairs(records: readonly EncodedRecord[], sourceOf: Int32Array, linkType: LinkType, maxBlockSize: number): CandidatePairs {
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const key of r.keys) {
      const block = blocks.get(key);
      if (block) block.push(i); else blocks.set(key, [i]);
    }
  });
  let skippedBlocks = 0;
  for (const [key, block] of blocks) {
    if (block.length === 1) blocks.delete(key);
    else if (block.length > maxBlockSize) { blocks.delete(key); skippedBlocks++; }
  }
  let pairs = new Int32Array(1 << 16);
  let n = 0;
  const lastSeenBy = new Int32Array(records.length).fill(-1);
  records.forEach((r, i) => {
    for (const key of r.keys) {
      const block = blocks.get(key);
      if (!block) continue;
      for (const j of block) {
        if (j <= i || lastSeenBy[j] === i || (linkType === 'link' && sourceOf[j] === sourceOf[i])) continue;
        lastSeenBy[j] = i;
        if (n + 2 > pairs.length) { const grown = new Int32Array(pairs.length * 2); grown.set(pairs); pairs = grown; }
        pairs[n++] = i;
        pairs[n++] = j;
      }
    }
  });
  return { pairs: pairs.slice(0, n), skippedBlocks };
}
