/**
 * The guard against joining a parent to their child's generation: a record named as a parent or
 * carer of someone born on date D belongs to a person born before D − 14 years (`bornBefore`).
 * Each growing cluster keeps the earliest date of birth among its records and the earliest such
 * bound; two clusters whose merge would hold a bound no date of birth in it satisfies are never
 * joined. (The earliest date is used, so one mis-keyed date never blocks a true link.)
 */

/** Days since 1970-01-01 of an ISO date, or undefined when it is not one. */
export function dayNumber(iso: string | null | undefined): number | undefined {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return undefined;
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : undefined;
}

/** Per cluster root: the earliest date of birth and the earliest bound (day numbers). */
export class AgeGuard {
  private readonly earliest = new Map<number, number>();
  private readonly bound = new Map<number, number>();

  constructor(dobs: ReadonlyMap<number, number>, bornBefore: ReadonlyMap<number, number>) {
    for (const [rid, day] of dobs) this.earliest.set(rid, day);
    for (const [rid, day] of bornBefore) this.bound.set(rid, day);
  }

  get active(): boolean { return this.bound.size > 0; }

  /** Whether joining the clusters rooted at a and b would put a parent after their child. */
  conflicts(a: number, b: number): boolean {
    const bound = minOf(this.bound.get(a), this.bound.get(b));
    const earliest = minOf(this.earliest.get(a), this.earliest.get(b));
    return bound !== undefined && earliest !== undefined && earliest >= bound;
  }

  /** Records the merge of a and b into root. */
  merge(root: number, a: number, b: number): void {
    const bound = minOf(this.bound.get(a), this.bound.get(b));
    const earliest = minOf(this.earliest.get(a), this.earliest.get(b));
    if (bound !== undefined) this.bound.set(root, bound);
    if (earliest !== undefined) this.earliest.set(root, earliest);
  }
}

const minOf = (a: number | undefined, b: number | undefined): number | undefined =>
  (a === undefined ? b : b === undefined ? a : Math.min(a, b));
