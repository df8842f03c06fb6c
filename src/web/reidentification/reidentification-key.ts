/**
 * The special category key the web application seals and opens re-identification answers with:
 * `TRIBUTARY_HEALTH_KEY`, or for the demo the key kept in the data folder (as `tributary sar` uses).
 * Read once, on first use, so that a deployment without hub-only mode needs no key to start.
 */
import { loadSpecialCategoryKey, type SpecialCategoryKey } from '../../governance/special-category/index.ts';

let cached: { dataDir: string; key: SpecialCategoryKey } | undefined;

export function reidentificationKey(dataDir: string): SpecialCategoryKey {
  if (cached?.dataDir !== dataDir) cached = { dataDir, key: loadSpecialCategoryKey(process.env, { dataDir, allowDemoKey: true }).key };
  return cached.key;
}
