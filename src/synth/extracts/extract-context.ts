/**
 * What every extract writer is given, and the shape of a writer: opened once, handed each
 * family's batch of people in turn, closed at the end (so extracts stream, whatever the size).
 */
import { join } from 'node:path';
import type { Day } from '../calendar/day.ts';
import type { FaultInjector } from '../faults/fault-injector.ts';
import type { FamilyBatch } from '../model/build-town.ts';
import type { TruthLog } from '../truth/truth-log.ts';
import { dataset, type DatasetId } from './datasets.ts';
import { FileSink } from './file-sink.ts';

export interface ExtractContext {
  readonly out: string;
  readonly extractDay: Day;
  readonly windowStart: Day;
  readonly faults: FaultInjector;
  readonly truth: TruthLog;
  /** The life events the current family's extracts hold (for truth/events.csv's `recorded`). */
  readonly written: WrittenEvents;
}

/**
 * The life events written into an extract, per family batch: each writer marks what it wrote, and
 * the truth says `recorded` = Y for exactly those (an event outside an extract's window, or beyond
 * the census's three suspension columns, is not in the data).
 */
export class WrittenEvents {
  private readonly keys = new Set<string>();
  mark(personId: string, code: string, day: Day): void {
    this.keys.add(`${personId}|${code}|${day}`);
  }
  has(personId: string, code: string, day: Day): boolean {
    return this.keys.has(`${personId}|${code}|${day}`);
  }
  /** Forgets the batch (called once every writer has had it). */
  clear(): void {
    this.keys.clear();
  }
}

/** A streaming writer of one extract. */
export interface ExtractWriter {
  add(batch: FamilyBatch): void;
  close(): void;
}

export type ExtractWriterFactory = (ctx: ExtractContext) => ExtractWriter;

/** Whether `day` falls within the extracts' history window. */
export function inWindow(ctx: ExtractContext, day: Day): boolean {
  return day >= ctx.windowStart && day <= ctx.extractDay;
}

/** Whether a spell [start, end) overlaps the window. */
export function overlapsWindow(ctx: ExtractContext, start: Day, end: Day | null): boolean {
  return start <= ctx.extractDay && (end === null || end >= ctx.windowStart);
}

/** Opens the extract file of a dataset. */
export function openExtract(ctx: ExtractContext, id: DatasetId): FileSink {
  return new FileSink(join(ctx.out, dataset(id).file));
}

/** A counter of an agency's own ids: `next()` gives `prefix` and the next zero-padded number. */
export class Counter {
  private n = 0;
  constructor(private readonly prefix: string, private readonly width: number) {}
  next(): string {
    return `${this.prefix}${String(++this.n).padStart(this.width, '0')}`;
  }
}

/** An agency's own ids for the people of one family, each issued once from a run-wide counter. */
export class LocalIds {
  private readonly ids = new Map<string, string>();
  constructor(private readonly counter: Counter) {}
  of(personId: string): string {
    let id = this.ids.get(personId);
    if (!id) {
      id = this.counter.next();
      this.ids.set(personId, id);
    }
    return id;
  }
}
