/**
 * FHIR R4: newline-delimited Bundles (one per line) or one big Bundle, streamed entry by entry.
 * Each Patient is a row: `fields` is the Patient flattened by the shared rule
 * (`identifier.0.value`, `name.0.family`, `name.0.given` joined by `;`, `birthDate`,
 * `address.0.postalCode`), and `groups` holds the resources that refer to it, keyed by type
 * (`EpisodeOfCare`, `Encounter`, `Condition`, …), each flattened the same way.
 */
import type { Adapter } from '../core/adapter.ts';
import { clipRaw } from '../core/adapter.ts';
import { fhirEntries } from '../core/fhir-entries.ts';
import { groupByPatient, type FhirGroup } from '../core/fhir-grouping.ts';
import { IngestFileError } from '../core/file-error.ts';
import { flatten } from '../core/flatten.ts';
import { peekText } from '../core/peek-text.ts';
import { readText } from '../core/text-stream.ts';
import type { AdapterItem, FlatRecord } from '../source-row.ts';

export const fhirAdapter: Adapter = async function* fhirRows({ path, options, onProgress }) {
  const { first, text } = await peekText(readText(path, { encoding: options.encoding, onProgress }));
  if (first === null) throw new IngestFileError('INGEST_EMPTY_FILE', path, 'the file holds only white space');
  if (first !== '{') {
    throw new IngestFileError('INGEST_MALFORMED', path, `the file starts with "${first}", not with a FHIR Bundle; expected NDJSON Bundles or one Bundle`, { line: 1 });
  }
  let rowNumber = 0;
  for await (const group of groupByPatient(fhirEntries(path, text))) yield toItem((rowNumber += 1), group);
  if (rowNumber === 0) {
    throw new IngestFileError('INGEST_NO_RECORDS_FOUND', path, 'no Bundle entries found; expected FHIR Bundles with an `entry` array');
  }
};

function toItem(rowNumber: number, group: FhirGroup): AdapterItem {
  if (group.kind === 'orphan') {
    const { resourceType = 'resource', id = '?' } = group.resource;
    return {
      ok: false,
      rowNumber,
      raw: clipRaw(JSON.stringify(group.resource)),
      error: {
        code: 'INGEST_FHIR_NO_PATIENT',
        message: `${resourceType}/${id} refers to ${group.reference ?? 'no patient'}, which is not next to it in the file; keep each patient's resources beside their Patient entry`,
      },
    };
  }
  const { fields, groups } = flatten(group.patient);
  const byType: Record<string, FlatRecord[]> = { ...groups };
  for (const resource of group.resources) {
    const type = resource.resourceType ?? 'Unknown';
    (byType[type] ??= []).push(flatten(resource).fields);
  }
  return { ok: true, rowNumber, fields, groups: byType, raw: clipRaw(JSON.stringify(group.patient)) };
}
