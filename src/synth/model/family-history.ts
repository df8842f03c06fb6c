/**
 * A family's history as the children's lives read it: who the mother's partners were and when,
 * when couples separated, when domestic abuse happened, when the household became homeless.
 */
import type { Day } from '../calendar/day.ts';
import type { Person } from '../people/person.ts';
import type { FamilyPlan } from './family-plan.ts';
import type { TrueRelationship } from './town-context.ts';

export interface Partnership {
  readonly partner: Person;
  readonly from: Day;
  to: Day | null;
  married: boolean;
  /** The partner_of and carer_of relationships the partnership began, ended with it. */
  readonly ties: TrueRelationship[];
}

export interface AbuseIncident {
  readonly day: Day;
  /** Notified to children's social care (recorded for each child then living at home). */
  readonly notified: boolean;
}

export interface FamilyHistory {
  readonly id: string;
  readonly plan: FamilyPlan;
  readonly mother: Person;
  readonly father: Person | null;
  readonly children: Person[];
  readonly partnerships: Partnership[];
  readonly separations: Day[];
  readonly abuse: AbuseIncident[];
  readonly homeless: Day[];
}

/** The mother's partner living with her on `day`, if any. */
export function partnerOn(family: FamilyHistory, day: Day): Person | null {
  for (const p of family.partnerships) {
    if (p.from <= day && (p.to === null || p.to > day)) return p.partner;
  }
  return null;
}

/** True when some event day lies in (from, to]. */
export function anyBetween(days: readonly Day[], from: Day, to: Day): boolean {
  for (const d of days) if (d > from && d <= to) return true;
  return false;
}
