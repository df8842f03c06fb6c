/** A retention report as plain text for the terminal. */
import type { RetentionReport } from './apply-retention.ts';

/** One line per dataset, then what went with the records. */
export function formatRetentionReport(report: RetentionReport): string {
  const verb = report.dryRun ? 'would delete' : 'deleted';
  const lines = [`Retention as of ${report.asOf}${report.dryRun ? ' (dry run: nothing deleted)' : ''}`];
  for (const d of report.datasets) {
    lines.push(`  ${d.datasetId} (agreement ${d.agreementId}, ${d.retentionDays} days, cut-off ${d.cutoff}): ${verb} `
      + `${d.sourceRecords} records, ${d.events} events, ${d.relationships} relationships, ${d.quarantinedRows} quarantined rows`);
  }
  for (const id of report.ungoverned) lines.push(`  ${id}: no agreement governs this dataset; nothing deleted (the DPO must act)`);
  const t = report.totals;
  lines.push(`  with them: ${t.personRecords} person links, ${t.persons} persons, ${t.factorInstances} factor instances, `
    + `${t.scores} scores, ${t.recordLinks} record links, ${t.reviewItems} review items, ${t.disputes} disputes, `
    + `${t.objections} objections, ${t.personChanges} merge/split entries`);
  lines.push(`  casework: ${t.allocations} allocations, ${t.decisions} decisions, ${t.consents} consents, `
    + `${t.supportPlans} support plans, ${t.supportOutcomes} outcomes, ${t.reidentificationRequests} re-identification requests`);
  return lines.join('\n');
}
