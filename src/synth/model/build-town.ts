/**
 * Makes the town one family at a time — planned, lived (each family and each child from their
 * own random streams) and handed over as a batch — until it has the people asked for. Streaming
 * keeps memory flat however large the town: a batch is written and then forgotten.
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

/** One family and everyone it brought into the town (parents, partners, children, foster carers). */
export interface FamilyBatch {
  readonly family: FamilyHistory;
  readonly people: readonly Person[];
  readonly byId: ReadonlyMap<string, Person>;
  readonly relationships: readonly TrueRelationship[];
}

/**
 * Lives the town family by family, calling `onFamily` with each batch; returns the context
 * (calendar bounds, schools) once the town has `options.people` people.
 */
export function liveTown(options: SynthOptions, onFamily: (batch: FamilyBatch, ctx: TownContext) => void): TownContext {
  const ctx = createTownContext(options);
  const keep = ageKeepProbabilities(options.ageProfile);
  let families = 0;
  for (let attempt = 0; ctx.peopleMade < options.people; attempt++) {
    const plan = planFamily(rngFor(ctx.seed, 'plan', attempt), ctx.extractDay, keep);
    if (!plan) continue;
    const family = liveFamily(ctx, plan, ++families);
    const states = new Map<string, ChildState>();
    for (const child of family.children) states.set(child.id, liveChild(ctx, family, child));
    fillHomelessMembers(family, states);
    for (const person of ctx.people) {
      if (ageOn(person.dob, ctx.extractDay) >= 16) person.niNumber = ctx.ids.niNumber();
    }
    onFamily({ family, people: [...ctx.people], byId: new Map(ctx.byId), relationships: [...ctx.relationships] }, ctx);
    ctx.people.length = 0;
    ctx.byId.clear();
    ctx.relationships.length = 0;
  }
  return ctx;
}

export interface Town {
  readonly context: TownContext;
  readonly people: readonly Person[];
  readonly families: readonly FamilyHistory[];
  readonly relationships: readonly TrueRelationship[];
}

/**
 * The whole town in memory (for analysis and tests of small towns; `generateTown` streams).
 *
 * @example buildTown(SynthOptionsSchema.parse({ people: 500, seed: 1, out: 'x' })).people.length // ≥ 500
 */
export function buildTown(options: SynthOptions): Town {
  const people: Person[] = [], families: FamilyHistory[] = [], relationships: TrueRelationship[] = [];
  const context = liveTown(options, (batch) => {
    people.push(...batch.people);
    families.push(batch.family);
    relationships.push(...batch.relationships);
  });
  return { context, people, families, relationships };
}
