/** Transparency: the ATRS record (Tier 1 and Tier 2) and the facts a DPIA needs, from configuration and the store. */
export {
  TransparencyConfigSchema, loadTransparencyConfig, type TransparencyConfig,
} from './transparency-config.ts';
export {
  buildTransparencyRecord, transparencyRecordFrom, NO_APPROVED_MODEL,
  type AtrsRecord, type ModelSpecification, type DataSpecification,
} from './build-transparency-record.ts';
export { readStoreFacts, type StoreFacts, type DataSourceFact, type ModelFact } from './transparency-facts.ts';
export { dpiaFactsFrom, type DpiaFacts } from './dpia-facts.ts';
export { renderAtrsMarkdown } from './atrs-markdown.ts';
export { renderDpiaMarkdown } from './dpia-markdown.ts';
export { writeTransparency, type TransparencyOutput } from './write-transparency.ts';
