/**
 * `hookverify/testing`: sign deliveries like each sender does, to test your own endpoint.
 *
 * @module
 */
export { signDelivery, type SignDeliveryOptions, type SignedDelivery } from './sign-delivery.js';
