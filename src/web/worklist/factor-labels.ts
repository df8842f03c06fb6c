/** Plain-language labels of the risk factors, from the partnership's factor configuration (read once). */
import { loadFactorConfig } from '../../indicators/index.ts';

let labels: ReadonlyMap<string, string> | undefined;

/** The label of a factor id, or the id itself when the configuration does not name it. */
export function factorLabel(factor: string): string {
  if (!labels) {
    try {
      labels = new Map(loadFactorConfig().factors.map((f) => [f.id, f.label]));
    } catch {
      labels = new Map();
    }
  }
  return labels.get(factor) ?? factor.replaceAll('_', ' ');
}
