/**
 * Lives a young person's life from birth to the extract date, one academic year at a time:
 * social care, school, substance use, NEET, offending, leaving home — each year's chances
 * depending on the circumstances at its start (so causes always precede their effects).
 */
import { ageOn } from '../calendar/day.ts';
import { academicYearEnd, academicYearOf, academicYearStart } from '../calendar/school-year.ts';
import type { Person } from '../people/person.ts';
import { rngFor } from '../random/prng.ts';
import { composeHistories, recordIncidents } from './child-history.ts';
import { familyView, initialState, livingOn, type ChildState } from './child-state.ts';
import type { FamilyHistory } from './family-history.ts';
import { leavingHomeYear } from './leaving-home.ts';
import { offendingYear } from './offending-year.ts';
import { schoolYear } from './school-year.ts';
import { socialCareYear } from './social-care-year.ts';
import type { TownContext } from './town-context.ts';
import { neetYear, substanceYear } from './young-person-year.ts';

/** Lives one child's life and returns their final circumstances. */
export function liveChild(ctx: TownContext, family: FamilyHistory, child: Person): ChildState {
  const rng = rngFor(ctx.seed, 'child', child.id);
  const recording = rngFor(ctx.seed, 'child-recording', child.id);
  const state = initialState(child.dob);
  for (let year = academicYearOf(child.dob); ; year++) {
    const from = Math.max(child.dob, academicYearStart(year));
    if (from > ctx.extractDay) break;
    const to = Math.min(academicYearEnd(year) + 1, ctx.extractDay + 1);
    const age = ageOn(child.dob, from);
    const view = familyView(family, child, state, from);
    if (age < 18) socialCareYear(ctx, child, state, view, from, to, rng);
    schoolYear(ctx, child, state, view, year, rng);
    if (age >= 12) substanceYear(ctx, child, state, view, from, to, rng);
    if (age >= 16 && age <= 24) neetYear(ctx, child, state, from, to, rng);
    if (age >= 9) offendingYear(ctx, child, state, view, from, to, rng, recording);
    if (age >= 17) leavingHomeYear(ctx, child, state, view, from, to, rng);
  }
  composeHistories(family, child, state);
  recordIncidents(family, child, state, recording);
  return state;
}

/** Fills in who lived with the applicant of each family homelessness application. */
export function fillHomelessMembers(family: FamilyHistory, states: ReadonlyMap<string, ChildState>): void {
  for (const application of family.mother.life.homeless) {
    const day = application.day;
    const partner = family.partnerships.find((p) => p.from <= day && (p.to === null || p.to > day))?.partner;
    const children = family.children.filter((c) => {
      const state = states.get(c.id);
      return c.dob <= day && state !== undefined && livingOn(state, day).kind === 'family';
    });
    application.members = [...(partner ? [partner.id] : []), ...children.map((c) => c.id)];
  }
}
