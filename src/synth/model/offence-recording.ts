/**
 * From behaviour to record: whether the police detect an offence (an arrest), how it is disposed
 * of (no further action, caution, conviction), and what follows (youth justice, probation). The
 * detection chance carries any configured recording bias; the behaviour itself never does. Draws
 * come from the person's own recording stream, so bias against one group leaves every other
 * person's records unchanged.
 */
import { ageOn, civilOf, daysIn, type Day } from '../calendar/day.ts';
import { recordingFactor } from '../bias-spec.ts';
import type { Offence, OffenceOutcome } from '../people/life.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { OFFENDING } from './causal-parameters.ts';
import type { TownContext } from './town-context.ts';

export const OFFENCES = [
  'Theft from a shop', 'Criminal damage', 'Common assault', 'Assault occasioning actual bodily harm',
  'Possession of cannabis', 'Possession with intent to supply', 'Public order offence', 'Burglary',
  'Robbery', 'Possession of a bladed article', 'Vehicle interference', 'Drink driving',
] as const;
const OFFENCE_WEIGHTS = [18, 14, 16, 8, 12, 4, 10, 5, 3, 4, 3, 3];

const YOUTH_CAUTIONS = ['Youth caution', 'Youth conditional caution'] as const;
const YOUTH_ORDERS = ['Referral order', 'Youth rehabilitation order'] as const;
/** Adult sentences: the first two are supervised by probation (together S36-consistent 60%; ours). */
const ADULT_ORDERS = ['Community order', 'Suspended sentence order', 'Fine'] as const;
const ADULT_ORDER_SHARES = [OFFENDING.probationGivenConviction * 2 / 3, OFFENDING.probationGivenConviction / 3];

/** An offence committed on `day`: recorded or not, and disposed of. Appends to the person's life. */
export function commitOffence(ctx: TownContext, person: Person, day: Day, behaviour: Rng, recording: Rng): Offence {
  const offence = OFFENCES[behaviour.weighted(OFFENCE_WEIGHTS)] as string;
  const factor = recordingFactor(ctx.options.bias, 'police', { ethnicGroup: person.ethnicity.group, sex: person.sex });
  const detected = recording.next() < Math.min(0.95, OFFENDING.detection * factor);
  const outcomeDraw = recording.next(), disposalDraw = recording.next(), delay = recording.intBetween(7, 120);
  if (!detected || day > ctx.extractDay) {
    const hidden: Offence = { day, offence, recorded: false, outcome: null, disposal: null, disposalDay: null };
    person.life.offences.push(hidden);
    return hidden;
  }
  const youth = ageOn(person.dob, day) < 18;
  const hasRecord = person.life.offences.some((o) => o.outcome === 'CAUTION' || o.outcome === 'CONVICTION');
  const table = youth ? (hasRecord ? OFFENDING.youthOutcomeWithRecord : OFFENDING.youthOutcome) : OFFENDING.adultOutcome;
  const outcome: OffenceOutcome = outcomeDraw < table.NFA ? 'NFA' : outcomeDraw < table.NFA + table.CAUTION ? 'CAUTION' : 'CONVICTION';
  const disposalDay = Math.min(ctx.extractDay, day + (outcome === 'CONVICTION' ? delay * 2 : delay));
  const disposal = outcome === 'NFA' ? null
    : outcome === 'CAUTION' ? (youth ? pickBy(YOUTH_CAUTIONS, disposalDraw) : 'Simple caution')
      : youth ? pickBy(YOUTH_ORDERS, disposalDraw) : adultOrder(disposalDraw);
  if (!person.pncId) person.pncId = ctx.ids.pncId(civilOf(day).year, Number(person.id.slice(1)));
  const recorded: Offence = { day, offence, recorded: true, outcome, disposal, disposalDay };
  person.life.offences.push(recorded);
  if (outcome === 'CONVICTION' && !youth && disposal !== 'Fine') {
    const end = disposalDay + daysIn(0.5 + recording.next() * 1.5);
    person.life.supervision.push({ start: disposalDay, end, order: disposal as string });
  }
  return recorded;
}

function adultOrder(draw: number): string {
  const [community = 0, suspended = 0] = ADULT_ORDER_SHARES;
  return draw < community ? ADULT_ORDERS[0] : draw < community + suspended ? ADULT_ORDERS[1] : ADULT_ORDERS[2];
}

function pickBy<T>(items: readonly T[], draw: number): T {
  return items[Math.min(items.length - 1, Math.floor(draw * items.length))] as T;
}
