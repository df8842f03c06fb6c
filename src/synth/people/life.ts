/**
 * What happened in a person's life, true and as recorded. Administrative facts (a school year, a
 * child-in-need episode, a homelessness application) exist only as records; behaviour (offences,
 * substance misuse, NEET spells) is true, and carries whether and how an agency recorded it.
 */
import type { Day } from '../calendar/day.ts';
import type { Address } from '../town/address-book.ts';
import type { School } from '../town/schools.ts';
import type { Sen } from './person.ts';

export interface SchoolYear {
  readonly academicYear: number;
  readonly school: School;
  readonly ncYear: number;
  readonly census: Day;
  readonly entry: Day;
  readonly fsm: boolean;
  readonly sen: Sen;
  readonly sessionsPossible: number;
  readonly sessionsMissed: number;
  /** The last day the attendance figures count (end of the summer term, or the extract date). */
  readonly attendanceTo: Day;
  /** When the Key Stage result (if any) was published. */
  readonly resultsDay: Day | null;
  /** Year 6: met the expected standard in reading, writing and maths. */
  readonly ks2Expected: boolean | null;
  /** Year 11: grade 4 or above in English and maths. */
  readonly ks4EngMaths4: boolean | null;
  readonly suspensions: readonly Day[];
  readonly permanentExclusion: Day | null;
}

export type CareEpisodeKind = 'CIN' | 'CPP' | 'CLA';

export interface CareEpisode {
  readonly kind: CareEpisodeKind;
  readonly start: Day;
  end: Day | null;
  /** Looked after: the foster carer's person id. */
  readonly carerId: string | null;
}

/** A domestic-abuse incident in the household, or the child's parents separating. */
export interface HouseholdIncident {
  readonly kind: 'domestic_abuse' | 'parental_separation';
  readonly day: Day;
  /** Notified to and recorded by children's social care. */
  recorded: boolean;
}

export type OffenceOutcome = 'NFA' | 'CAUTION' | 'CONVICTION';

export interface Offence {
  readonly day: Day;
  readonly offence: string;
  /** Detected and recorded by the police (an arrest); false: behaviour no agency saw. */
  readonly recorded: boolean;
  readonly outcome: OffenceOutcome | null;
  /** The disposal: e.g. youth caution, referral order, community order. */
  readonly disposal: string | null;
  readonly disposalDay: Day | null;
}

export interface SubstanceSpell {
  readonly substance: 'cannabis' | 'alcohol' | 'cocaine' | 'opiates';
  readonly start: Day;
  end: Day | null;
  /** Specialist treatment episodes (recorded by the NHS). */
  readonly treatments: Array<{ start: Day; end: Day | null }>;
}

export interface AeVisit {
  readonly day: Day;
  readonly alcohol: boolean;
}

export interface NeetSpell {
  readonly start: Day;
  readonly end: Day | null;
  /** The NCCIS activity code of the spell. */
  readonly code: string;
  /** Known to the careers service. */
  readonly recorded: boolean;
}

export interface Supervision {
  readonly start: Day;
  readonly end: Day;
  readonly order: string;
}

export interface HomelessApplication {
  readonly day: Day;
  readonly reason: string;
  readonly duty: 'prevention' | 'relief';
  /** Person ids living with the applicant on the day (filled in once everyone's life is known). */
  members: string[];
  readonly temporary: { start: Day; end: Day; address: Address } | null;
}

export interface Life {
  readonly schoolYears: SchoolYear[];
  readonly care: CareEpisode[];
  readonly incidents: HouseholdIncident[];
  readonly offences: Offence[];
  readonly substance: SubstanceSpell[];
  readonly aeVisits: AeVisit[];
  readonly neet: NeetSpell[];
  readonly supervision: Supervision[];
  readonly homeless: HomelessApplication[];
}

/** A life with nothing in it yet. */
export function emptyLife(): Life {
  return {
    schoolYears: [], care: [], incidents: [], offences: [], substance: [], aeVisits: [],
    neet: [], supervision: [], homeless: [],
  };
}
