/**
 * Builds the whole town: families planned and lived one after another (each from its own
 * random streams) until the town has the number of people asked for.
 */
import { ageOn } from '../calendar/day.ts';
import type { SynthOptions } from '../options.ts';
import type { Person } from '../people/person.ts';
import { rngFor } from '../random/prng.ts';
import { fillHomelessMembers, liveChild } from './child-life.ts';
import type { ChildState } from './child-state.ts';
import type { FamilyHistory } from './family-history.ts';
import { liveFamily } from './family-life.ts';
import { ageKeepProbabilities, planFamily } from './family-plan.ts';
import { createTownContext, type TownContext, type TrueRelationship } from './town-context.ts';

export interface Town {
  readonly context: TownContext;
  readonly people: readonly Person[];
  readonly families: readonly FamilyHistory[];
  readonly relationships: readonly TrueRelationship[];
}

/**
 * Generates the town's people and their lives (no files: see `generateTown`).
 *
 * @example buildTown(SynthOptionsSchema.parse({ people: 500, seed: 1, out: 'x' })).people.length // ≥ 500
 */
export function buildTown(options: SynthOptions, onProgress?: (people: number) => void): Town {
  const ctx = createTownContext(options);
  const keep = ageKeepProbabilities(options.ageProfile);
  const families: FamilyHistory[] = [];
  for (let attempt = 0; ctx.people.length < options.people; attempt++) {
    const plan = planFamily(rngFor(ctx.seed, 'plan', attempt), ctx.extractDay, keep);
    if (!plan) continue;
    const family = liveFamily(ctx, plan, families.length + 1);
    const states = new Map<string, ChildState>();
    for (const child of family.children) states.set(child.id, liveChild(ctx, family, child));
    fillHomelessMembers(family, states);
    families.push(family);
    if (onProgress && families.length % 500 === 0) onProgress(ctx.people.length);
  }
  for (const person of ctx.people) {
    if (ageOn(person.dob, ctx.extractDay) >= 16) person.niNumber = ctx.ids.niNumber();
  }
  return { context: ctx, people: ctx.people, families, relationships: ctx.relationships };
}
