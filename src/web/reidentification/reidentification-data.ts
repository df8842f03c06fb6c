/**
 * What the re-identification pages and API show: a person's requests (with the answer opened,
 * and audited, for the practitioner who asked) and the agencies that can be asked; an agency's
 * pending requests. Hub errors become HTTP errors here.
 */
import { z } from 'zod';
import {
  agenciesHolding, HubError, openAnswer, pendingForAgency, requestsForPerson, type ReidentificationRow,
} from '../../pprl/hub/index.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';
import type { Principal } from '../request-context.ts';
import type { SpecialCategoryKey } from '../../governance/special-category/index.ts';

const RequestSchema = z.object({
  id: z.number().int(), personId: z.string(), agencyId: z.string(), agencyName: z.string(), localId: z.string().nullable(),
  purpose: z.string(), reason: z.string(), status: z.enum(['pending', 'answered', 'refused']), requestedBy: z.string(),
  requestedAt: z.string(), answeredBy: z.string().nullable(), answeredAt: z.string().nullable(), refusal: z.string().nullable(),
});

export const PersonRequestsSchema = z.object({
  personId: z.string(),
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  requests: z.array(RequestSchema.omit({ localId: true }).extend({
    answer: z.object({
      localId: z.string(), givenName: z.string(), familyName: z.string(), dob: z.string().optional(),
      address: z.string().optional(), note: z.string().optional(),
    }).nullable(),
  })),
});
export type PersonRequests = z.infer<typeof PersonRequestsSchema>;

export const AgencyRequestsSchema = z.object({ agencyId: z.string(), requests: z.array(RequestSchema.omit({ personId: true })) });

/** Maps a hub error to the HTTP layer's error. */
export function httpErrorOf(error: unknown): unknown {
  if (!(error instanceof HubError)) return error;
  if (error.code === 'TRB_REID_NOT_YOURS') return new HttpError('NOT_YOUR_AGENCY', error.message);
  if (error.code === 'TRB_REID_NOT_FOUND' || error.code === 'TRB_REID_NO_PERSON') return new HttpError('NOT_FOUND', error.message);
  return new HttpError('VALIDATION_FAILED', error.message);
}

/** A request id from the address, or 404. */
export function requestIdOf(params: unknown): number {
  const value = (params as { requestId?: string }).requestId ?? '';
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new HttpError('NOT_FOUND');
  return Number(value);
}

/** A person's requests for a caseworker: answers opened (and audited) only for the one who asked. */
export async function personRequests(store: Store, key: () => SpecialCategoryKey, principal: Principal, personId: string): Promise<PersonRequests> {
  const rows = await requestsForPerson(store, personId);
  const actor = { username: principal.username, role: principal.role };
  const requests = [];
  for (const { localId: _local, ...row } of rows) {
    const mine = row.status === 'answered' && row.requestedBy === principal.username;
    requests.push({ ...row, answer: mine ? await openAnswer(store, key(), actor, row.id) : null });
  }
  return { personId, agencies: await agenciesHolding(store, personId), requests };
}

/** The principal's agency's pending requests (an uploader with no agency sees none). */
export async function agencyRequests(store: Store, principal: Principal): Promise<z.infer<typeof AgencyRequestsSchema>> {
  const rows: ReidentificationRow[] = principal.agencyId ? await pendingForAgency(store, principal.agencyId) : [];
  return { agencyId: principal.agencyId ?? '', requests: rows.map(({ personId: _p, ...row }) => row) };
}

/** The signed-in uploader as the re-identification service wants them: who, in which role, for which agency. */
export function agencyActor(principal: Principal): { username: string; role: Principal['role']; agencyId: Principal['agencyId'] } {
  return { username: principal.username, role: principal.role, agencyId: principal.agencyId };
}
