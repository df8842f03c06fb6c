/** Opening a person: checks the id is opaque, audits the view with its purpose, and returns what may be shown. */
import { appendAudit, PurposeSchema, type Purpose } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';
import type { Principal } from '../request-context.ts';
import { PersonIdSchema } from './person-id.ts';
import { pseudonymFor } from './pseudonym.ts';

export interface PersonView {
  personRef: string;
  pseudonymised: boolean;
  purpose: Purpose;
  status: 'coming';
}

export async function viewPerson(
  store: Store, principal: Principal, purpose: string, rawId: string, options: { pseudonymised: boolean; pseudonymKey: string },
): Promise<PersonView> {
  const parsed = PersonIdSchema.safeParse(rawId);
  if (!parsed.success) throw new HttpError('PERSON_ID_INVALID');
  const personId = parsed.data;
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'person.view', subjectRef: personId, purpose,
    details: { pseudonymised: options.pseudonymised },
  });
  return {
    personRef: options.pseudonymised ? pseudonymFor(options.pseudonymKey, personId) : personId,
    pseudonymised: options.pseudonymised, purpose: PurposeSchema.parse(purpose), status: 'coming',
  };
}
