/**
 * Groups a stream of FHIR Bundle entries into one group per Patient: the Patient and the resources
 * that refer to it (`patient`, `subject` or `beneficiary`). Works for one Bundle per patient and
 * for one big Bundle, in bounded memory, provided each patient's resources sit next to their
 * Patient entry (before or after it), as FHIR exports write them. A resource whose Patient is not
 * next to it is reported as an orphan.
 */

export interface FhirResource { readonly resourceType?: string; readonly id?: string; readonly [key: string]: unknown }
export interface FhirEntry { readonly fullUrl?: string; readonly resource?: FhirResource }

export type FhirGroup =
  | { readonly kind: 'patient'; readonly patient: FhirResource; readonly resources: readonly FhirResource[] }
  | { readonly kind: 'orphan'; readonly resource: FhirResource; readonly reference: string | null };

interface Current { patient: FhirResource; keys: Set<string>; resources: FhirResource[] }

/** Yields one group per Patient, in file order, and one per resource whose Patient is not next to it. */
export async function* groupByPatient(entries: AsyncIterable<FhirEntry>): AsyncGenerator<FhirGroup> {
  let current: Current | null = null;
  let pending: FhirResource[] = [];
  for await (const entry of entries) {
    const resource = entry.resource;
    if (!resource || typeof resource !== 'object') continue;
    if (resource.resourceType === 'Patient') {
      if (current) yield { kind: 'patient', ...current };
      const keys = patientKeys(entry, resource);
      current = { patient: resource, keys, resources: pending.filter((r) => keys.has(referenceOf(r) ?? '')) };
      for (const orphan of pending.filter((r) => !keys.has(referenceOf(r) ?? ''))) yield orphanOf(orphan);
      pending = [];
    } else {
      const reference = referenceOf(resource);
      if (current && (reference === null || current.keys.has(reference))) current.resources.push(resource);
      else pending.push(resource);
    }
  }
  if (current) yield { kind: 'patient', ...current };
  for (const orphan of pending) yield orphanOf(orphan);
}

const orphanOf = (resource: FhirResource): FhirGroup => ({ kind: 'orphan', resource, reference: referenceOf(resource) });

function patientKeys(entry: FhirEntry, patient: FhirResource): Set<string> {
  const keys = new Set<string>();
  if (patient.id) keys.add(`Patient/${patient.id}`);
  if (entry.fullUrl) keys.add(normaliseReference(entry.fullUrl));
  return keys;
}

/** The Patient a resource refers to, as `Patient/<id>` or the literal (e.g. `urn:uuid:…`) reference. */
export function referenceOf(resource: FhirResource): string | null {
  for (const key of ['patient', 'subject', 'beneficiary']) {
    const target = resource[key] as { reference?: unknown } | undefined;
    if (target && typeof target.reference === 'string') return normaliseReference(target.reference);
  }
  return null;
}

function normaliseReference(reference: string): string {
  const match = /(?:^|\/)(Patient\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(reference);
  return match ? match[1]! : reference;
}
