/**
 * The link from every extract record to the true person: `truth/records.csv` (dataset,
 * local_id, kind, person_id). A contact repeated on several rows (the same parent on two
 * children's records) is one record and is written once.
 */
import { join } from 'node:path';
import { FileSink } from '../extracts/file-sink.ts';
import { csvLine } from '../extracts/text-encoding.ts';

/** Writes truth/records.csv and counts records per dataset. */
export class TruthLog {
  private readonly sink: FileSink;
  private readonly seenContacts = new Set<string>();
  readonly counts = new Map<string, { subject: number; contact: number }>();

  constructor(out: string) {
    this.sink = new FileSink(join(out, 'truth', 'records.csv'));
    this.sink.write(csvLine(['dataset', 'local_id', 'kind', 'person_id']));
  }

  /** Notes that record `localId` of `dataset` is about `personId`. */
  record(dataset: string, localId: string, kind: 'subject' | 'contact', personId: string): void {
    if (kind === 'contact') {
      const key = `${dataset}\u0000${localId}`;
      if (this.seenContacts.has(key)) return;
      this.seenContacts.add(key);
    }
    const count = this.counts.get(dataset) ?? { subject: 0, contact: 0 };
    count[kind]++;
    this.counts.set(dataset, count);
    // Dataset names, local ids and person ids never hold commas or quotes.
    this.sink.write(`${dataset},${localId},${kind},${personId}\n`);
  }

  close(): void {
    this.sink.close();
  }
}
