/**
 * `generateTown`: makes the synthetic town family by family and streams every agency's extract
 * to DIR and the ground truth to DIR/truth (records, persons, relationships, households,
 * addresses, outcomes, life events, faults and a manifest). The same options always give
 * byte-identical files, and memory stays flat however many people are asked for.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addYears, ageOn, parseIsoDay } from './calendar/day.ts';
import { careersWriter } from './extracts/careers-writer.ts';
import { DATASETS } from './extracts/datasets.ts';
import { WrittenEvents, type ExtractContext, type ExtractWriter } from './extracts/extract-context.ts';
import { FileSink } from './extracts/file-sink.ts';
import { housingWriter } from './extracts/housing-writer.ts';
import { nhsWriter } from './extracts/nhs-fhir-writer.ts';
import { policeWriter } from './extracts/police-writer.ts';
import { probationWriter } from './extracts/probation-writer.ts';
import { schoolCensusWriter } from './extracts/school-census-writer.ts';
import { socialCareWriter } from './extracts/social-care-writer.ts';
import { csvLine } from './extracts/text-encoding.ts';
import { youthJusticeWriter } from './extracts/youth-justice-writer.ts';
import { FaultInjector } from './faults/fault-injector.ts';
import { liveTown } from './model/build-town.ts';
import { SynthOptionsSchema, type SynthOptionsInput } from './options.ts';
import { lifeEventsWriter } from './truth/life-events-writer.ts';
import { truthTablesWriter } from './truth/truth-tables.ts';
import { TruthLog } from './truth/truth-log.ts';

export interface SynthSummary {
  readonly people: number;
  readonly records: Record<string, { subject: number; contact: number }>;
  readonly files: string[];
}

const WRITERS = [schoolCensusWriter, socialCareWriter, housingWriter, nhsWriter, policeWriter, probationWriter, youthJusticeWriter, careersWriter];
const TRUTH_FILES = ['records', 'persons', 'relationships', 'households', 'addresses', 'outcomes', 'events', 'faults'];

/**
 * Generates the town into `options.out`, reporting progress as people made so far.
 *
 * @example generateTown({ people: 2000, seed: 7, out: '/tmp/town' }) // { people: 2003, records: {…}, files: […] }
 */
export function generateTown(input: SynthOptionsInput, onProgress?: (people: number, total: number) => void): SynthSummary {
  const options = SynthOptionsSchema.parse(input);
  mkdirSync(join(options.out, 'truth'), { recursive: true });
  const extractDay = parseIsoDay(options.extractDate);
  const truth = new TruthLog(options.out);
  const faultLog = new FileSink(join(options.out, 'truth', 'faults.csv'));
  faultLog.write(csvLine(['dataset', 'local_id', 'kind', 'field', 'fault', 'true_value', 'recorded_value']));
  const faults = new FaultInjector(options, (f) => faultLog.write(csvLine([f.dataset, f.localId, f.kind, f.field, f.fault, f.trueValue, f.recordedValue])));
  const written = new WrittenEvents();
  const ctx: ExtractContext = { out: options.out, extractDay, windowStart: addYears(extractDay, -options.historyYears) + 1, faults, truth, written };
  // the extract writers first: the life-events writer reads what they marked as written
  const writers: ExtractWriter[] = [...WRITERS.map((make) => make(ctx)), truthTablesWriter(options.out, extractDay), lifeEventsWriter(options.out, extractDay, written)];
  const roles: Record<string, number> = {}, youngByAge: Record<string, number> = {};
  let total = 0, families = 0;
  liveTown(options, (batch) => {
    for (const writer of writers) writer.add(batch);
    written.clear();
    for (const p of batch.people) {
      roles[p.role] = (roles[p.role] ?? 0) + 1;
      if (p.role === 'child') youngByAge[ageOn(p.dob, extractDay)] = (youngByAge[ageOn(p.dob, extractDay)] ?? 0) + 1;
    }
    total += batch.people.length;
    if (onProgress && ++families % 250 === 0) onProgress(Math.min(total, options.people), options.people);
  });
  for (const writer of writers) writer.close();
  truth.close();
  faultLog.close();
  const { out: _out, ...recorded } = options;
  writeFileSync(join(options.out, 'truth', 'manifest.json'), `${JSON.stringify({
    generator: 'tributary synth', format: 1, options: recorded,
    people: { total, byRole: roles, youngByAge },
    datasets: DATASETS.map((d) => ({ ...d, records: truth.counts.get(d.id) ?? { subject: 0, contact: 0 }, faults: faults.tallies.get(d.id) ?? null })),
  }, null, 2)}\n`);
  onProgress?.(options.people, options.people);
  return {
    people: total,
    records: Object.fromEntries(truth.counts),
    files: [...DATASETS.map((d) => d.file), ...TRUTH_FILES.map((t) => `truth/${t}.csv`), 'truth/manifest.json'],
  };
}
