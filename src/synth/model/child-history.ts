/**
 * Turning a young person's lived spells into their dated histories: addresses and households
 * (following the family home, a foster carer's, then their own), and the household incidents
 * (domestic abuse, parents separating) they lived through and that social care recorded.
 */
import { ageOn, type Day } from '../calendar/day.ts';
import type { Dated, Person } from '../people/person.ts';
import type { Address } from '../town/address-book.ts';
import type { Rng } from '../random/prng.ts';
import { SOCIAL_CARE } from './causal-parameters.ts';
import { livingOn, type ChildState, type LivingSpell } from './child-state.ts';
import type { FamilyHistory } from './family-history.ts';

function slice<T>(history: ReadonlyArray<Dated<T>>, from: Day, to: Day): Array<Dated<T>> {
  const out: Array<Dated<T>> = [];
  let current: T | undefined;
  for (const entry of history) {
    if (entry.from <= from) current = entry.value;
    else if (entry.from < to) out.push(entry);
  }
  return current === undefined ? out : [{ from, value: current }, ...out];
}

function sourceOf(family: FamilyHistory, spell: LivingSpell): { addresses: Array<Dated<Address>>; households: Array<Dated<string>> } {
  if (spell.kind === 'own') return { addresses: [{ from: spell.from, value: spell.address }], households: [{ from: spell.from, value: spell.household }] };
  const holder = spell.kind === 'foster' ? spell.carer : family.mother;
  return { addresses: holder.addresses, households: holder.households };
}

/** Rewrites the child's address and household histories from their living spells. */
export function composeHistories(family: FamilyHistory, child: Person, state: ChildState): void {
  const spells = [...state.living].sort((a, b) => a.from - b.from);
  const addresses: Array<Dated<Address>> = [], households: Array<Dated<string>> = [];
  spells.forEach((spell, i) => {
    const to = spells[i + 1]?.from ?? Infinity;
    if (to <= spell.from) return;
    const source = sourceOf(family, spell);
    for (const e of slice(source.addresses, spell.from, to)) if (addresses.at(-1)?.value !== e.value) addresses.push(e);
    for (const e of slice(source.households, spell.from, to)) if (households.at(-1)?.value !== e.value) households.push(e);
  });
  child.addresses = addresses;
  child.households.splice(0, child.households.length, ...households);
}

/** Records the household incidents the child lived through at home before 18. */
export function recordIncidents(family: FamilyHistory, child: Person, state: ChildState, recording: Rng): void {
  const atHomeChild = (day: Day): boolean => day >= child.dob && ageOn(child.dob, day) < 18 && livingOn(state, day).kind === 'family';
  for (const a of family.abuse) {
    if (atHomeChild(a.day)) child.life.incidents.push({ kind: 'domestic_abuse', day: a.day, recorded: a.notified });
  }
  const known = child.life.care.length > 0 || child.life.incidents.some((i) => i.recorded);
  for (const day of family.separations) {
    if (day > child.dob && atHomeChild(day)) {
      child.life.incidents.push({ kind: 'parental_separation', day, recorded: known && recording.chance(SOCIAL_CARE.separationRecorded) });
    }
  }
  child.life.incidents.sort((a, b) => a.day - b.day);
}
