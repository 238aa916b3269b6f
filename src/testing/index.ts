/**
 * `hookverify/testing`: sign deliveries like each sender does, and build sample events of every
 * type, to test your own endpoint. Loads no zod.
 *
 * @module
 */
export { signDelivery, type SignDeliveryOptions, type SignedDelivery } from './sign-delivery.js';
export { generateSigningKeys, type PrivateKeyInput, type SigningKeys } from './signing-keys.js';
export {
  sampleEdgeSenseEvent,
  sampleEdgeSenseEventNames,
  samplePeridioEvent,
  samplePeridioEventNames,
  type SampleOverrides,
} from './sample-events.js';
