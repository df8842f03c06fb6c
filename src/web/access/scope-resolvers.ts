/**
 * How the `own_agency` and `own_team` conditions find the owner of what a route addresses: one
 * resolver per route parameter. `undefined` means the thing does not exist.
 */
import type { Store } from '../../store/index.ts';
import { caseworkConfig } from '../casework/casework-config.ts';
import { teamHolding } from '../casework/team-holding.ts';
import { HttpError } from '../http-error.ts';
import { PersonIdSchema } from '../people/person-id.ts';

type Resolver = (store: Store, value: string) => Promise<string | undefined>;

const integer = /^[1-9][0-9]{0,15}$/;

async function first(store: Store, sql: string, value: string): Promise<string | undefined> {
  const [row] = await store.sql.query<{ owner: string }>(sql, [value]);
  return row?.owner;
}

/** Route parameter → the agency that owns the thing it names. */
export const agencyOwners: Record<string, Resolver> = {
  agencyId: async (store, value) => first(store, 'SELECT id AS owner FROM agencies WHERE id = $1', value),
  datasetId: async (store, value) => first(store, 'SELECT agency_id AS owner FROM datasets WHERE id = $1', value),
  batchId: async (store, value) => (integer.test(value) ? first(store,
    'SELECT d.agency_id AS owner FROM ingest_batches b JOIN datasets d ON d.id = b.dataset_id WHERE b.id = $1::bigint',
    value) : undefined),
  uploadId: async (store, value) => (integer.test(value)
    ? first(store, 'SELECT agency_id AS owner FROM uploads WHERE id = $1::bigint', value) : undefined),
};

/**
 * Route parameter → the team that owns the thing it names. A person is owned by the team holding
 * them (casework/team-holding.ts); one no team holds resolves to "" (nobody's team).
 */
export const teamOwners: Record<string, Resolver> = {
  teamId: async (store, value) => first(store, 'SELECT id AS owner FROM teams WHERE id = $1', value),
  personId: async (store, value) => {
    if (!PersonIdSchema.safeParse(value).success) throw new HttpError('PERSON_ID_INVALID');
    const team = await teamHolding(store, caseworkConfig().teams, value);
    return team === null ? '' : team;
  },
};
