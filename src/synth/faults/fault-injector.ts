/**
 * Data-quality faults, injected record by record. Each record gets its own random stream (from
 * the seed, the dataset and the record's id), so a record's faults do not depend on any other
 * record. Every opportunity for a fault and every fault applied is counted, and every fault is
 * logged (truth/faults.csv), so tests can check the rates and linkage can be scored.
 */
import { civilOf, dayOf, type Day } from '../calendar/day.ts';
import { effectiveRate, FAULT_KINDS, type FaultKind, type SynthOptions } from '../options.ts';
import { nicknamesOf } from '../people/nicknames.ts';
import { rngFor, type Rng } from '../random/prng.ts';
import { digitSlip, typo } from './typo.ts';

export type FaultTally = Record<FaultKind, { opportunities: number; applied: number }>;

export interface FaultRecord {
  readonly dataset: string;
  readonly localId: string;
  readonly kind: 'subject' | 'contact';
  readonly field: string;
  readonly fault: FaultKind;
  readonly trueValue: string;
  readonly recordedValue: string;
}

/** Counts and logs faults for every dataset of a run. */
export class FaultInjector {
  readonly tallies = new Map<string, FaultTally>();
  private readonly rates: Record<FaultKind, number>;

  constructor(private readonly options: SynthOptions, private readonly log: (fault: FaultRecord) => void) {
    this.rates = Object.fromEntries(FAULT_KINDS.map((k) => [k, effectiveRate(options, k)])) as Record<FaultKind, number>;
  }

  /** The fault-maker for one record. */
  forRecord(dataset: string, localId: string, kind: 'subject' | 'contact'): RecordFaults {
    let tally = this.tallies.get(dataset);
    if (!tally) {
      tally = Object.fromEntries(FAULT_KINDS.map((k) => [k, { opportunities: 0, applied: 0 }])) as FaultTally;
      this.tallies.set(dataset, tally);
    }
    return new RecordFaults(rngFor(this.options.seed, 'faults', dataset, kind, localId), this.rates, tally,
      (field, fault, trueValue, recordedValue) => this.log({ dataset, localId, kind, field, fault, trueValue, recordedValue }));
  }
}

/** The faults of one record: each method is one opportunity for one kind of fault. */
export class RecordFaults {
  constructor(
    private readonly rng: Rng,
    private readonly rates: Record<FaultKind, number>,
    private readonly tally: FaultTally,
    private readonly log: (field: string, fault: FaultKind, trueValue: string, recordedValue: string) => void,
  ) {}

  private roll(fault: FaultKind): boolean {
    const t = this.tally[fault];
    t.opportunities++;
    const hit = this.rng.next() < this.rates[fault];
    if (hit) t.applied++;
    return hit;
  }

  private apply(field: string, fault: FaultKind, value: string, faulty: () => string): string {
    if (!this.roll(fault)) return value;
    const recorded = faulty();
    this.log(field, fault, value, recorded);
    return recorded;
  }

  /** A name field that may carry a typo. */
  name(field: string, value: string): string {
    if (value.length < 2) return value;
    return this.apply(field, 'typo', value, () => typo(this.rng, value));
  }

  /** A forename that may be written as a nickname, then may carry a typo. */
  forename(field: string, value: string): string {
    const nicknames = nicknamesOf(value);
    const shown = nicknames.length ? this.apply(field, 'nickname', value, () => this.rng.pick(nicknames)) : value;
    return this.name(field, shown);
  }

  /** A date of birth whose day and month may be swapped (only where the swap makes a valid, different date). */
  dob(field: string, day: Day, format: (d: Day) => string): Day {
    const c = civilOf(day);
    if (c.day > 12 || c.day === c.month) return day;
    const swapped = dayOf(c.year, c.day, c.month);
    return this.roll('dateSwap') ? (this.log(field, 'dateSwap', format(day), format(swapped)), swapped) : day;
  }

  /** An optional field that may be left blank. */
  optional<T>(field: string, value: T | null): T | null {
    if (value === null || value === '') return value;
    if (!this.roll('missing')) return value;
    this.log(field, 'missing', String(value), '');
    return null;
  }

  /** The current value, or (if the subject had one) an earlier value recorded instead. */
  stale<T>(field: string, fault: 'oldSurname' | 'oldAddress', current: T, earlier: T | null, show: (v: T) => string): T {
    if (earlier === null || earlier === current) return current;
    if (!this.roll(fault)) return current;
    this.log(field, fault, show(current), show(earlier));
    return earlier;
  }

  /** An identifier that may have one digit mistyped. */
  identifier(field: string, value: string | null): string | null {
    if (value === null) return null;
    return this.apply(field, 'idTypo', value, () => digitSlip(this.rng, value));
  }

  /** A draw from this record's own stream (for writers' own record-level choices). */
  chance(p: number): boolean {
    return this.rng.chance(p);
  }
}
