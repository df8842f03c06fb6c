/**
 * Refuses a dataset before any row is read: without an active agreement, or when its mapping names
 * a column the agreement does not allow. Every refused column is reported at once.
 */
import type { SqlClient } from '../../store/index.ts';
import type { Problem } from '../error-codes.ts';
import type { Mapping } from '../mapping-schema.ts';
import { agreedNames, mappingColumns } from '../mapping/mapping-columns.ts';
import { columnPolicy, type ColumnPolicy } from './column-policy.ts';
import { findAgreement, type ActiveAgreement } from './find-agreement.ts';

export type AgreementCheck =
  | { readonly ok: true; readonly agreement: ActiveAgreement; readonly policy: ColumnPolicy }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Finds the agreement for the mapping's agency and dataset on `loadDate` and checks the mapping's columns against it. */
export async function checkAgreement(sql: SqlClient, mapping: Mapping, loadDate: string): Promise<AgreementCheck> {
  const agreement = await findAgreement(sql, mapping.agency, mapping.dataset, loadDate);
  if (!agreement) {
    return {
      ok: false,
      problems: [{
        code: 'INGEST_NO_AGREEMENT',
        message: `no active data-sharing agreement lets ${mapping.agency} send ${mapping.dataset} on ${loadDate}; the information governance lead must add or renew one in partnership.yaml`,
      }],
    };
  }
  const policy = columnPolicy(agreement.allowedFields);
  const refused = agreedNames(mappingColumns(mapping)).filter((name) => !policy.allows(name));
  if (refused.length > 0) {
    return {
      ok: false,
      problems: refused.map((column) => ({
        code: 'INGEST_FIELDS_NOT_AGREED',
        column,
        message: `the mapping reads ${column}, which agreement ${agreement.ids.join(', ')} does not allow; remove it from the mapping or have the agreement amended`,
      })),
    };
  }
  return { ok: true, agreement, policy };
}
