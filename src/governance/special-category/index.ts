/** Special category (health) data: sealed at rest, opened only where an agreement allows. */
export {
  encryptSpecial, encryptSpecialComparable, decryptSpecial, isSealed, SpecialCategoryError, type SpecialCategoryKey,
} from './special-envelope.ts';
export { loadSpecialCategoryKey, parseSpecialCategoryKey, type LoadedKey, type LoadKeyOptions } from './special-key.ts';
export {
  sealEventFields, openEventFields, isSealedDetail, type EventFields, type SealedDetail,
} from './sealed-event-fields.ts';
export {
  healthDisclosure, serviceContactLabel, type Disclosure, type DisclosableEvent,
} from './health-disclosure.ts';
