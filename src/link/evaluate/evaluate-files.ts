/**
 * `tributary link evaluate`: reads DIR/clusters.csv and the truth file (source, record_id and a
 * true id column), and measures quality; optionally also the scored pairs at a threshold.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { LinkError } from '../link-error.ts';
import { type LabelledRecord, measureQuality, type QualityReport } from './cluster-metrics.ts';

export interface EvaluateOptions {
  readonly clusters: string;
  readonly truth: string;
  readonly truthColumn?: string;
  readonly pairs?: string;
  readonly linkType: 'dedupe' | 'link' | 'link_and_dedupe';
  /** Count within-source pairs for `link` too. */
  readonly within?: boolean;
  readonly threshold?: number;
}

export interface EvaluationReport extends QualityReport {
  readonly linkType: string;
  readonly crossSourceOnly: boolean;
  readonly unmatchedRecords: number;
  readonly pairs?: { readonly threshold: number; readonly precision: number; readonly recall: number; readonly f1: number; readonly truePositives: number; readonly predicted: number };
}

async function readTable(path: string, required: string[]): Promise<Array<Record<string, string>>> {
  const text = await readFile(path, 'utf8').catch(() => { throw new LinkError('LINK_TRUTH_INVALID', `cannot read ${path}`, { file: path }); });
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new LinkError('LINK_TRUTH_INVALID', `${path} has no column ${missing.join(', ')}; its columns are: ${header.join(', ')}`, { file: path, column: missing[0]! });
  return rows;
}

const key = (source: string, id: string) => `${source}\u0000${id}`;

/** Evaluates the files and returns the report. */
export async function evaluateFiles(options: EvaluateOptions): Promise<EvaluationReport> {
  const truthColumn = options.truthColumn ?? 'true_id';
  const truthRows = await readTable(options.truth, ['source', 'record_id', truthColumn]);
  const truth = new Map(truthRows.map((r) => [key(r.source!, r.record_id!), r[truthColumn]!]));
  const clusterRows = await readTable(options.clusters, ['source', 'record_id', 'cluster_id']);
  const records: LabelledRecord[] = [];
  let unmatched = 0;
  for (const r of clusterRows) {
    const t = truth.get(key(r.source!, r.record_id!));
    if (t === undefined || t === '') { unmatched++; continue; }
    records.push({ source: r.source!, recordId: r.record_id!, cluster: r.cluster_id!, truth: t });
  }
  const crossOnly = options.linkType === 'link' && !options.within;
  const report: EvaluationReport = { ...measureQuality(records, crossOnly), linkType: options.linkType, crossSourceOnly: crossOnly, unmatchedRecords: unmatched };
  if (!options.pairs) return report;
  const threshold = options.threshold ?? 0.9;
  const pairRows = await readTable(options.pairs, ['source_l', 'record_id_l', 'source_r', 'record_id_r', 'match_probability']);
  let tp = 0;
  let predicted = 0;
  for (const p of pairRows) {
    if (Number(p.match_probability) < threshold) continue;
    if (crossOnly && p.source_l === p.source_r) continue;
    predicted++;
    const [a, b] = [truth.get(key(p.source_l!, p.record_id_l!)), truth.get(key(p.source_r!, p.record_id_r!))];
    if (a !== undefined && a === b) tp++;
  }
  const precision = predicted ? tp / predicted : 1;
  const recall = report.pairwise.actual ? tp / report.pairwise.actual : 1;
  return { ...report, pairs: { threshold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePositives: tp, predicted } };
}
