/** Walking the audit chain from its first entry, recomputing every hash and link. */
import type { Store } from '../store/index.ts';
import { auditEntryFromRow, GENESIS_HASH, hashEntry, type AuditEntry } from './audit-chain.ts';

export type ChainBreak = 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch';

export type ChainVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: ChainBreak; message: string };

const reasons: Record<ChainBreak, string> = {
  sequence_gap: 'an entry is missing before it (its sequence number does not follow the previous one)',
  prev_hash_mismatch: 'its previous-hash does not match the hash of the entry before it',
  hash_mismatch: 'its contents no longer match its hash (the entry was changed)',
};

/**
 * Verifies the whole chain in pages of `pageSize`. Returns the first broken entry, if any,
 * with the reason; `entries` counts the entries verified before it.
 */
export async function verifyAuditChain(store: Store, pageSize = 1000): Promise<ChainVerification> {
  let previous = { seq: 0, hash: GENESIS_HASH };
  let entries = 0;
  for (;;) {
    const rows = await store.sql.query(
      'SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [previous.seq, pageSize],
    );
    if (rows.length === 0) return { ok: true, entries, headHash: previous.hash };
    for (const row of rows) {
      const entry = auditEntryFromRow(row);
      const reason = checkEntry(entry, previous);
      if (reason) {
        return { ok: false, entries, brokenAt: entry.seq, reason, message: `entry ${entry.seq}: ${reasons[reason]}` };
      }
      previous = { seq: entry.seq, hash: entry.hash };
      entries += 1;
    }
  }
}

function checkEntry(entry: AuditEntry, previous: { seq: number; hash: string }): ChainBreak | null {
  if (entry.seq !== previous.seq + 1) return 'sequence_gap';
  if (entry.prevHash !== previous.hash) return 'prev_hash_mismatch';
  const { hash, ...rest } = entry;
  if (hashEntry(rest) !== hash) return 'hash_mismatch';
  return null;
}
