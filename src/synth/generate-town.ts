/**
 * `generateTown`: builds the synthetic town and writes every agency's extract to DIR, and the
 * ground truth to DIR/truth (records, persons, relationships, households, addresses, outcomes,
 * life events, faults and a manifest). The same options always give byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn } from './calendar/day.ts';
import { writeCareers } from './extracts/careers-writer.ts';
import { DATASETS } from './extracts/datasets.ts';
import type { ExtractContext } from './extracts/extract-context.ts';
import { FileSink } from './extracts/file-sink.ts';
import { writeHousing } from './extracts/housing-writer.ts';
import { writeNhs } from './extracts/nhs-fhir-writer.ts';
import { writePolice } from './extracts/police-writer.ts';
import { writeProbation } from './extracts/probation-writer.ts';
import { writeSchoolCensus } from './extracts/school-census-writer.ts';
import { writeSocialCare } from './extracts/social-care-writer.ts';
import { csvLine } from './extracts/text-encoding.ts';
import { writeYouthJustice } from './extracts/youth-justice-writer.ts';
import { FaultInjector } from './faults/fault-injector.ts';
import { buildTown, type Town } from './model/build-town.ts';
import { SynthOptionsSchema, type SynthOptions, type SynthOptionsInput } from './options.ts';
import { writeLifeEvents } from './truth/life-events-writer.ts';
import { writeTruthTables } from './truth/truth-tables.ts';
import { TruthLog } from './truth/truth-log.ts';

export type SynthPhase = 'people' | 'extracts' | 'truth';

export interface SynthSummary {
  readonly people: number;
  readonly records: Record<string, { subject: number; contact: number }>;
  readonly files: string[];
}

const WRITERS = [writeSchoolCensus, writeSocialCare, writeHousing, writeNhs, writePolice, writeProbation, writeYouthJustice, writeCareers];

function manifest(town: Town, options: SynthOptions, truth: TruthLog, faults: FaultInjector): object {
  const e = town.context.extractDay;
  const roles: Record<string, number> = {}, ages: Record<string, number> = {};
  for (const p of town.people) {
    roles[p.role] = (roles[p.role] ?? 0) + 1;
    if (p.role === 'child') ages[String(ageOn(p.dob, e))] = (ages[String(ageOn(p.dob, e))] ?? 0) + 1;
  }
  const { out: _out, ...recorded } = options;
  return {
    generator: 'tributary synth', format: 1, options: recorded,
    people: { total: town.people.length, byRole: roles, youngByAge: ages },
    datasets: DATASETS.map((d) => ({ ...d, records: truth.counts.get(d.id) ?? { subject: 0, contact: 0 }, faults: faults.tallies.get(d.id) ?? null })),
  };
}

/**
 * Generates the town into `options.out`.
 *
 * @example await generateTown({ people: 2000, seed: 7, out: '/tmp/town' }) // { people: 2003, … }
 */
export function generateTown(input: SynthOptionsInput, onPhase?: (phase: SynthPhase, done: number, total: number) => void): SynthSummary {
  const options = SynthOptionsSchema.parse(input);
  mkdirSync(join(options.out, 'truth'), { recursive: true });
  const town = buildTown(options, (n) => onPhase?.('people', Math.min(n, options.people), options.people));
  onPhase?.('people', options.people, options.people);
  const truth = new TruthLog(options.out);
  const faultLog = new FileSink(join(options.out, 'truth', 'faults.csv'));
  faultLog.write(csvLine(['dataset', 'local_id', 'kind', 'field', 'fault', 'true_value', 'recorded_value']));
  const faults = new FaultInjector(options, (f) => faultLog.write(csvLine([f.dataset, f.localId, f.kind, f.field, f.fault, f.trueValue, f.recordedValue])));
  const ctx: ExtractContext = {
    town, out: options.out, extractDay: town.context.extractDay, windowStart: town.context.windowStart, faults, truth,
    families: new Map(town.families.map((f) => [f.id, f])),
  };
  WRITERS.forEach((write, i) => { write(ctx); onPhase?.('extracts', i + 1, WRITERS.length); });
  truth.close();
  faultLog.close();
  writeTruthTables(town, options.out);
  writeLifeEvents(town, options.out);
  writeFileSync(join(options.out, 'truth', 'manifest.json'), `${JSON.stringify(manifest(town, options, truth, faults), null, 2)}\n`);
  onPhase?.('truth', 1, 1);
  return {
    people: town.people.length,
    records: Object.fromEntries(truth.counts),
    files: [...DATASETS.map((d) => d.file), ...['records', 'persons', 'relationships', 'households', 'addresses', 'outcomes', 'events', 'faults']
      .map((t) => `truth/${t}.csv`), 'truth/manifest.json'],
  };
}
