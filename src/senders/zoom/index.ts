/**
 * `hookverify/zoom`: verify Zoom webhook events and answer Zoom's endpoint URL validation.
 *
 * @module
 */
export { zoom } from './sender.js';
export { zoomUrlValidationResponse, type ZoomUrlValidationResponse } from './url-validation.js';
export { createZoomVerifier } from './verifier.js';
