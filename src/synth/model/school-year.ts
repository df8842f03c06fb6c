/**
 * One academic year at school (Reception to Year 11): which school, free school meals,
 * attendance, suspensions, permanent exclusion, and the Key Stage 2 and 4 results.
 */
import { dayOf, type Day } from '../calendar/day.ts';
import { academicYearEnd, academicYearStart, censusDay, ncYear } from '../calendar/school-year.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { pickSchool, type School } from '../town/schools.ts';
import { SCHOOL } from './causal-parameters.ts';
import type { ChildState, FamilyView } from './child-state.ts';
import { logistic } from './logistic.ts';
import type { TownContext } from './town-context.ts';

function chooseSchool(ctx: TownContext, state: ChildState, rng: Rng, nc: number, district: string): School {
  const current = state.school;
  const phase = nc <= 6 ? 'primary' : 'secondary';
  if (!current || nc === 0 || (nc === 7 && current.phase !== 'pru')) return pickSchool(rng, ctx.schools, phase, district);
  if (current.phase === 'pru') return nc >= 7 && rng.chance(0.4) ? pickSchool(rng, ctx.schools, 'secondary', district) : current;
  const moved = state.schoolDistrict !== null && state.schoolDistrict !== district;
  return moved && rng.chance(phase === 'primary' ? 0.7 : 0.5) ? pickSchool(rng, ctx.schools, phase, district) : current;
}

const dayIn = (rng: Rng, from: Day, to: Day): Day => from + rng.int(Math.max(1, to - from));

/** Lives academic year `year` at school, if the child is of school age and its census has happened. */
export function schoolYear(ctx: TownContext, child: Person, state: ChildState, view: FamilyView, year: number, rng: Rng): void {
  const nc = ncYear(child.dob, year);
  const census = censusDay(year);
  if (nc < 0 || nc > 11 || census > ctx.extractDay) return;
  const start = academicYearStart(year), end = Math.min(academicYearEnd(year), ctx.extractDay);
  const school = chooseSchool(ctx, state, rng, nc, view.address.district);
  const previous = child.life.schoolYears[child.life.schoolYears.length - 1];
  const entry = previous && previous.school === school ? previous.entry : start + (nc === 0 ? 0 : rng.int(30));
  state.school = school;
  state.schoolDistrict = view.address.district;
  if (!child.upn) child.upn = ctx.ids.upn(school.estab, year);
  const deprivation = 5.5 - view.decile;
  const f = SCHOOL.fsmLogit;
  const fsm = rng.chance(logistic(f.intercept + f.perDecileBelowMiddle * deprivation + (view.singleParent ? f.singleParent : 0)));
  const sen = child.sen !== 'N', secondary = nc >= 7, inNeed = state.inNeedUntil !== null;
  const p = SCHOOL.paLogit;
  const absent = rng.chance(logistic(p.intercept + (fsm ? p.fsm : 0) + (sen ? p.sen : 0) + (secondary ? p.secondary : 0)
    + (inNeed ? p.inNeed : 0) + (state.substance ? p.substance : 0) + p.conduct * child.conduct));
  const possible = Math.round(SCHOOL.sessionsPerYear * Math.min(1, (Math.min(end, dayOf(year + 1, 7, 22)) - start + 1) / 300));
  const rate = absent ? rng.between(0.1, 0.35) : rng.between(0.005, 0.095);
  const missed = absent ? Math.ceil(possible * rate) : Math.floor(possible * rate);
  const s = SCHOOL.suspensionLog;
  const suspensionRate = Math.exp(s.intercept + (child.sex === 'M' ? s.male : 0) + (fsm ? s.fsm : 0) + (sen ? s.sen : 0)
    + (secondary ? s.secondary : 0) + (absent ? s.absent : 0) + (inNeed ? s.inNeed : 0) + s.conduct * child.conduct
    + (state.suspendedEver ? s.suspendedBefore : 0));
  const suspensions = Array.from({ length: rng.poisson(suspensionRate) }, () => dayIn(rng, start + 3, Math.min(end, start + 320)))
    .filter((d) => d <= ctx.extractDay).sort((a, b) => a - b);
  const x = SCHOOL.exclusionLog;
  const exclusionChance = school.phase === 'pru' ? 0 : Math.exp(x.intercept + (child.sex === 'M' ? x.male : 0) + (fsm ? x.fsm : 0)
    + (child.sen === 'K' ? x.senSupport : child.sen === 'E' ? x.ehcp : 0) + (state.suspendedEver || suspensions.length ? x.suspendedBefore : 0)
    + (secondary ? x.secondary : 0) + x.conduct * child.conduct);
  const excludedOn = rng.chance(exclusionChance) ? dayIn(rng, start + 30, Math.min(end, start + 320)) : null;
  const permanentExclusion = excludedOn !== null && excludedOn <= ctx.extractDay ? excludedOn : null;
  const results = dayOf(year + 1, 7, 10) <= ctx.extractDay;
  const k2 = SCHOOL.ks2Logit, k4 = SCHOOL.ks4Logit;
  const senTerm = (support: number, ehcp: number): number => (child.sen === 'K' ? support : child.sen === 'E' ? ehcp : 0);
  const ks2Low = nc === 6 && results && rng.chance(logistic(k2.intercept + k2.ability * child.ability + (fsm ? k2.fsm : 0)
    + senTerm(k2.senSupport, k2.ehcp) + (absent || state.absentLastYear ? k2.absent : 0) + (state.lookedAfterEver ? k2.lookedAfter : 0)));
  const ks4Low = nc === 11 && results && rng.chance(logistic(k4.intercept + k4.ability * child.ability + (fsm ? k4.fsm : 0)
    + senTerm(k4.senSupport, k4.ehcp) + (absent || state.absentLastYear ? k4.absent : 0)
    + (state.excludedEver ? k4.excluded : 0) + (state.lookedAfterEver ? k4.lookedAfter : 0)));
  child.life.schoolYears.push({
    academicYear: year, school, ncYear: nc, census, entry, fsm, sen: child.sen, sessionsPossible: possible, sessionsMissed: missed,
    attendanceTo: Math.min(dayOf(year + 1, 7, 22), ctx.extractDay), resultsDay: results && (nc === 6 || nc === 11) ? dayOf(year + 1, 7, 10) : null,
    ks2Expected: nc === 6 && results ? !ks2Low : null, ks4EngMaths4: nc === 11 && results ? !ks4Low : null,
    suspensions, permanentExclusion,
  });
  state.absentLastYear = absent;
  if (suspensions.length) state.suspendedEver = true;
  if (ks2Low) state.lowKs2 = true;
  if (ks4Low) state.lowKs4 = true;
  if (permanentExclusion !== null) { state.excludedEver = true; state.school = ctx.schools.pru; }
}
