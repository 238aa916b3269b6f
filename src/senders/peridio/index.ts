/**
 * `hookverify/peridio`: verify Peridio webhook deliveries.
 *
 * @module
 */
export {
  formatPrn,
  isPrn,
  parsePrn,
  type KnownPrnResourceType,
  type OrganizationPrn,
  type Prn,
  type ResourcePrn,
  type UserPrn,
} from './prn.js';
export { peridio } from './sender.js';
export { createPeridioVerifier } from './verifier.js';
