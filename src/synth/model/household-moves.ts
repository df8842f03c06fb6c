/**
 * A household changing address: an ordinary move, or homelessness — an application to the
 * council, perhaps a spell in temporary accommodation, then a new home.
 */
import { daysIn, type Day } from '../calendar/day.ts';
import { pushDated, valueOn } from '../people/person.ts';
import type { Address } from '../town/address-book.ts';
import type { Rng } from '../random/prng.ts';
import { HOUSING } from './causal-parameters.ts';
import { partnerOn, type FamilyHistory } from './family-history.ts';
import type { TownContext } from './town-context.ts';

/** The mother's household (and her partner, if living with her) moves to `address` on `day` (if not after the extract). */
export function moveHousehold(ctx: TownContext, family: FamilyHistory, day: Day, address: Address): void {
  if (day > ctx.extractDay) return;
  pushDated(family.mother.addresses, day, address);
  const partner = partnerOn(family, day);
  if (partner) pushDated(partner.addresses, day, address);
}

const REASONS = ['Domestic abuse', 'Relationship breakdown', 'End of private rented tenancy', 'Family or friends no longer willing to accommodate', 'Rent arrears'] as const;

/** Decides whether the household applies as homeless in [from, to), and lives it out if so. */
export function considerHomelessness(
  ctx: TownContext, family: FamilyHistory, rng: Rng, from: Day, to: Day, recentSeparation: boolean, recentAbuse: boolean,
): void {
  const decile = valueOn(family.mother.addresses, from).decile;
  const chance = HOUSING.applicationPerYear * (recentSeparation ? HOUSING.ifRecentSeparation : 1)
    * (recentAbuse ? HOUSING.ifRecentAbuse : 1) * (decile <= 3 ? HOUSING.ifDeprived : decile >= 8 ? HOUSING.ifAffluent : 1);
  if (!rng.chance(chance * (to - from) / 365)) return;
  const day = from + rng.int(to - from);
  const reason = recentAbuse ? REASONS[0] : recentSeparation ? REASONS[1] : rng.pick(REASONS.slice(2));
  const temporary = rng.chance(HOUSING.temporaryAccommodation);
  const taStart = day + rng.intBetween(0, 30);
  const taEnd = taStart + daysIn(rng.between(0.25, 1.5));
  const application = {
    day, reason, duty: temporary ? 'relief' as const : rng.chance(0.5) ? 'prevention' as const : 'relief' as const, members: [],
    temporary: temporary ? { start: taStart, end: taEnd, address: ctx.addresses.temporary(rng) } : null,
  };
  family.mother.life.homeless.push(application);
  family.homeless.push(day);
  if (application.temporary) {
    moveHousehold(ctx, family, taStart, application.temporary.address);
    if (taEnd <= ctx.extractDay) moveHousehold(ctx, family, taEnd, ctx.addresses.home(rng, Math.min(decile, 4)));
  } else if (rng.chance(0.7)) {
    moveHousehold(ctx, family, day + rng.intBetween(30, 120), ctx.addresses.home(rng, Math.min(decile, 5)));
  }
}
