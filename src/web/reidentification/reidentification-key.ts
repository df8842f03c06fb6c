/**
 * The special category key the web application uses — to seal and open re-identification answers,
 * and to open clinical detail on the person page where an agreement discloses it:
 * `TRIBUTARY_HEALTH_KEY`, or for the demo the key kept in the data folder (as `tributary sar` uses).
 * Read once, on first use, so that a deployment without health data or hub-only mode needs no key to
 * start. Falling back to the data folder's key outside the demo (`settings.demo`) logs a warning.
 */
import { loadSpecialCategoryKey, type SpecialCategoryKey } from '../../governance/special-category/index.ts';

let cached: { dataDir: string; key: SpecialCategoryKey } | undefined;

export interface KeyContext {
  /** True when serving the demo town, where the data folder's key is expected. */
  demo?: boolean;
  /** Where the warning goes (the request's logger). */
  warn?: (message: string) => void;
}

export function reidentificationKey(dataDir: string, context: KeyContext = {}): SpecialCategoryKey {
  if (cached?.dataDir !== dataDir) {
    const loaded = loadSpecialCategoryKey(process.env, { dataDir, allowDemoKey: true });
    if (loaded.warning && !context.demo) (context.warn ?? console.warn)(loaded.warning);
    cached = { dataDir, key: loaded.key };
  }
  return cached.key;
}

/** The key as a request asks for it: read when first needed, warning in the request's log. */
export function specialKeyFor(settings: { dataDir: string; demo: boolean }, log: { warn(message: string): void }): () => SpecialCategoryKey {
  return () => reidentificationKey(settings.dataDir, { demo: settings.demo, warn: (message) => log.warn(message) });
}
