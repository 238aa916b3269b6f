import { encodeHex } from '../../core/encoding.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { decodeSecrets } from '../../core/secrets.js';
import type { VerifiedDelivery } from '../../core/verifier.js';
import type { CryptoBackend } from '../../crypto/backend.js';
import { defaultCryptoBackend } from '../../crypto/default.js';

/**
 * What Zoom expects back, as JSON with status 200, for an `endpoint.url_validation` event.
 *
 * @example
 * ```ts
 * import { zoomUrlValidationResponse, type ZoomUrlValidationResponse } from 'hookverify/zoom';
 *
 * const answer: ZoomUrlValidationResponse | undefined = await zoomUrlValidationResponse(delivery, process.env.ZOOM_WEBHOOK_SECRET_TOKEN!);
 * if (answer) return Response.json(answer);
 * ```
 */
export interface ZoomUrlValidationResponse {
  /** The event's `payload.plainToken`, echoed. */
  readonly plainToken: string;
  /** Hex HMAC-SHA256 of `plainToken`, keyed with the secret token. */
  readonly encryptedToken: string;
}

function plainTokenOf(payload: unknown): string | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const { event, payload: inner } = payload as { event?: unknown; payload?: unknown };
  if (event !== 'endpoint.url_validation' || inner === null || typeof inner !== 'object') return undefined;
  const token = (inner as { plainToken?: unknown }).plainToken;
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}

/**
 * The answer to Zoom's endpoint URL validation, for a delivery already verified with
 * {@link zoom}: `{ plainToken, encryptedToken }` when it is an `endpoint.url_validation` event
 * (encryptedToken: hex HMAC-SHA256 of `payload.plainToken` keyed with the secret token, as
 * @zoom/rivet 0.4.0 computes it), undefined for any other event. The scheme model checks what
 * comes in, not what goes out, so this is a helper beside the sender rather than a part of it.
 * Pass the secret that verified the delivery (`delivery.matchedSecret` says which one).
 *
 * @example
 * ```ts
 * import { createZoomVerifier, zoomUrlValidationResponse } from 'hookverify/zoom';
 *
 * const secret = process.env.ZOOM_WEBHOOK_SECRET_TOKEN!;
 * const verifier = createZoomVerifier({ secret });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * const answer = await zoomUrlValidationResponse(delivery, secret);
 * if (answer) return Response.json(answer); // Zoom is checking the endpoint
 * ```
 */
export async function zoomUrlValidationResponse(
  delivery: Pick<VerifiedDelivery, 'payload'>,
  secret: string,
  options: { readonly backend?: CryptoBackend } = {},
): Promise<ZoomUrlValidationResponse | undefined> {
  const [decoded] = decodeSecrets(secret, utf8Secret);
  const plainToken = plainTokenOf(delivery?.payload);
  if (plainToken === undefined) return undefined;
  const backend = options.backend ?? defaultCryptoBackend();
  const key = await backend.importHmacKey(decoded!.key);
  const digest = await backend.hmacSha256(key, [plainToken]);
  return { plainToken, encryptedToken: encodeHex(digest) };
}
