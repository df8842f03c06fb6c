/**
 * Rendering the person page: the person as the role may see them, their casework (not for
 * pseudonymised views) and the form options; re-rendered with field errors when a form fails.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { purposeLabels, type Purpose } from '../../governance/index.ts';
import { isPseudonymised } from '../access/scope.ts';
import type { AppContext } from '../app-context.ts';
import { catalogueOffers, loadCasework, type Casework } from '../casework/casework-data.ts';
import { CONSENT_GIVERS, CONSENT_STATUSES, DECISION_KINDS, labels, OUTCOMES, PLAN_STATUSES } from '../casework/casework-forms.ts';
import { specialKeyFor } from '../reidentification/reidentification-key.ts';
import { PersonIdSchema } from './person-id.ts';
import { viewPerson } from './person-view.ts';

/** What a successful form leaves in the banner (`?done=<code>`). */
export const doneMessages: Record<string, string> = {
  reported: 'Data error reported. The record is left out of risk factors and scores until the agency answers.',
  decision: 'Decision recorded.',
  consent: 'Consent recorded.',
  plan: 'Support plan started.',
  outcome: 'Outcome recorded.',
  allocation: 'Allocation recorded.',
};


export interface PersonPageState {
  /** Field → message, from a failed form. */
  errors?: Record<string, string>;
  /** Which form failed: `decision`, `consent`, `plan`, `outcome-<planId>`, `allocation`, `dispute`. */
  form?: string;
  /** What was submitted, to fill the failed form again. */
  values?: Record<string, unknown>;
  done?: string;
}

export async function renderPersonPage(
  ctx: AppContext, request: FastifyRequest, reply: FastifyReply, personId: string, state: PersonPageState = {}, status = 200,
) {
  const pseudonymised = isPseudonymised(request);
  const principal = request.principal!;
  const owner = request.access?.owners?.personId;
  // The casework is read alongside the person (it writes nothing, and is dropped if the view fails).
  const [person, casework] = await Promise.all([
    viewPerson(ctx.store, principal, request.session!.purpose!, personId, {
      pseudonymised, pseudonymKey: ctx.settings.pseudonymKey, specialKey: specialKeyFor(ctx.settings, request.log),
    }),
    pseudonymised || !PersonIdSchema.safeParse(personId).success ? null
      : loadCasework(ctx.store, principal, personId, owner === undefined ? {} : { heldBy: owner || null }),
  ]);
  const errors = state.errors ?? {};
  return ctx.render(request, reply, 'person', {
    person, casework, purposeName: purposeLabels[person.purpose as Purpose]?.name ?? person.purpose,
    canReport: !pseudonymised, canAllocate: principal.role === 'supervisor' && !pseudonymised,
    done: state.done ? doneMessages[state.done] : undefined,
    errors, form: state.form, values: state.values ?? {}, hasErrors: Object.keys(errors).length > 0,
    errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${state.form ?? 'form'}-${field}` })),
    items: formItems(state, casework, person.records.filter((r) => !r.disputed)),
    labels,
  }, status);
}

/** The options of the casework forms, with what was submitted checked again after an error. */
function formItems(state: PersonPageState, casework: Casework | null, records: Array<{ sourceRecordId: number; agency: string; dataset: string }>) {
  const sent = (form: string, field: string) => (state.form === form ? String(state.values?.[field] ?? '') : '');
  const radios = <K extends string>(form: string, field: string, values: readonly K[], text: Record<K, string>) =>
    values.map((value) => ({ value, text: text[value], checked: sent(form, field) === value }));
  const offers = casework ? [...casework.recommended, ...catalogueOffers().filter((o) => !casework.recommended.some((r) => r.id === o.id))] : [];
  return {
    decisionKinds: radios('decision', 'kind', DECISION_KINDS, labels.decision),
    decisionRecords: [{ value: '', text: 'Only for a data error', selected: false }, ...records.map((r) => ({
      value: String(r.sourceRecordId), text: `${r.agency} (${r.dataset})`, selected: sent('decision', 'sourceRecordId') === String(r.sourceRecordId),
    }))],
    consentStatuses: radios('consent', 'status', CONSENT_STATUSES, labels.consent),
    consentGivers: radios('consent', 'givenBy', CONSENT_GIVERS, labels.giver),
    outcomes: [{ value: '', text: 'Select an outcome' }, ...OUTCOMES.map((value) => ({ value, text: labels.outcome[value] }))],
    planStatuses: PLAN_STATUSES.map((value) => ({ value, text: labels.planStatus[value] })),
    offers: [{ value: '', text: 'Select an offer', selected: false }, ...offers.map((o) => ({
      value: o.id, text: `${o.name} – ${o.provider}`, selected: sent('plan', 'offerId') === o.id,
    }))],
    workers: [{ value: '', text: 'The team (no practitioner yet)', selected: false }, ...(casework?.teamMembers ?? []).map((m) => ({
      value: m.id, text: m.name, selected: casework?.allocation?.workerId === m.id,
    }))],
  };
}
