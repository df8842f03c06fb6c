/**
 * What every extract writer is given: the town, where to write, the fault injector and the
 * truth log, and small helpers shared by the writers (families by id, agency-local ids).
 */
import { join } from 'node:path';
import type { Day } from '../calendar/day.ts';
import type { FaultInjector } from '../faults/fault-injector.ts';
import type { FamilyHistory } from '../model/family-history.ts';
import type { Town } from '../model/build-town.ts';
import type { Person } from '../people/person.ts';
import type { TruthLog } from '../truth/truth-log.ts';
import { dataset, type DatasetId } from './datasets.ts';
import { FileSink } from './file-sink.ts';

export interface ExtractContext {
  readonly town: Town;
  readonly out: string;
  readonly extractDay: Day;
  readonly windowStart: Day;
  readonly faults: FaultInjector;
  readonly truth: TruthLog;
  readonly families: ReadonlyMap<string, FamilyHistory>;
}

/** Whether `day` falls within the extracts' history window. */
export function inWindow(ctx: ExtractContext, day: Day): boolean {
  return day >= ctx.windowStart && day <= ctx.extractDay;
}

/** Whether a spell [start, end) overlaps the window. */
export function overlapsWindow(ctx: ExtractContext, start: Day, end: Day | null): boolean {
  return start <= ctx.extractDay && (end === null || end >= ctx.windowStart);
}

/** The family of a person. */
export function familyOf(ctx: ExtractContext, person: Person): FamilyHistory {
  const family = ctx.families.get(person.familyId);
  if (!family) throw new Error(`no family ${person.familyId}`);
  return family;
}

/** Opens the extract file of a dataset. */
export function openExtract(ctx: ExtractContext, id: DatasetId): FileSink {
  return new FileSink(join(ctx.out, dataset(id).file));
}

/** An agency's own ids for people: stable per person within the agency, issued in first-use order. */
export class LocalIds {
  private readonly ids = new Map<string, string>();
  private next = 1;

  constructor(private readonly make: (n: number) => string) {}

  of(personId: string): string {
    let id = this.ids.get(personId);
    if (!id) {
      id = this.make(this.next++);
      this.ids.set(personId, id);
    }
    return id;
  }
}
