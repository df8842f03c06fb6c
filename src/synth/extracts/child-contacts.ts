/**
 * The adults an agency records alongside a child on a day: the foster carer while the child is
 * looked after; otherwise the mother, her partner if living with her (the father or a
 * step-parent) and, flagged as living elsewhere, the father when he does not.
 */
import type { Day } from '../calendar/day.ts';
import type { FamilyBatch } from '../model/build-town.ts';
import { partnerOn } from '../model/family-history.ts';
import type { Person } from '../people/person.ts';

export type ContactRelationship = 'Mother' | 'Father' | 'Step-parent' | 'Foster carer';

export interface ChildContact {
  readonly person: Person;
  readonly relationship: ContactRelationship;
  readonly livesWithChild: boolean;
}

/** The child's parents and carers on `day`, main carer first. */
export function contactsOn(batch: FamilyBatch, child: Person, day: Day): ChildContact[] {
  const care = child.life.care.find((c) => c.kind === 'CLA' && c.start <= day && (c.end === null || c.end > day));
  const carer = care?.carerId ? batch.byId.get(care.carerId) : undefined;
  if (carer) return [{ person: carer, relationship: 'Foster carer', livesWithChild: true }];
  const contacts: ChildContact[] = [{ person: batch.family.mother, relationship: 'Mother', livesWithChild: true }];
  const partner = partnerOn(batch.family, day);
  if (partner) {
    contacts.push({ person: partner, relationship: partner.id === child.fatherId ? 'Father' : 'Step-parent', livesWithChild: true });
  }
  const father = child.fatherId ? batch.byId.get(child.fatherId) : undefined;
  if (father && father !== partner) contacts.push({ person: father, relationship: 'Father', livesWithChild: false });
  return contacts;
}
