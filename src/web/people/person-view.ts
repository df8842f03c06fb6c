/** Opening a person: checks the id is opaque, loads what the role may see, audits the view with its purpose. */
import { z } from 'zod';
import { PurposeSchema, type Purpose } from '../../governance/index.ts';
import type { SpecialCategoryKey } from '../../governance/special-category/index.ts';
import { appendAuditGrouped } from '../audit-batch.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';
import type { Principal } from '../request-context.ts';
import { loadPersonDetail, PersonDetailSchema, type PersonDetail } from './person-detail.ts';
import { PersonIdSchema } from './person-id.ts';
import { pseudonymFor } from './pseudonym.ts';

export const PersonViewSchema = PersonDetailSchema.extend({
  personRef: z.string().describe('the person id, or a pseudonym when the view is pseudonymised'),
  pseudonymised: z.boolean(), purpose: PurposeSchema,
});

export interface PersonView extends PersonDetail {
  personRef: string;
  pseudonymised: boolean;
  purpose: Purpose;
}

export async function viewPerson(
  store: Store, principal: Principal, purpose: string, rawId: string,
  options: { pseudonymised: boolean; pseudonymKey: string; specialKey?: () => SpecialCategoryKey },
): Promise<PersonView> {
  const parsed = PersonIdSchema.safeParse(rawId);
  if (!parsed.success) throw new HttpError('PERSON_ID_INVALID');
  const personId = parsed.data;
  const detail = await loadPersonDetail(store, personId, options);
  await appendAuditGrouped(store, {
    actor: principal.username, role: principal.role, action: 'person.view', subjectRef: personId, purpose,
    details: { pseudonymised: options.pseudonymised },
  });
  return {
    ...detail,
    personRef: options.pseudonymised ? pseudonymFor(options.pseudonymKey, personId) : personId,
    pseudonymised: options.pseudonymised, purpose: PurposeSchema.parse(purpose),
  };
}
