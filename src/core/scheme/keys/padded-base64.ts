import { decodeBase64 } from '../../encoding.js';

/** Decodes a base64 key, with or without its "=" padding; undefined when it is not base64. */
export function decodeKeyBase64(text: string): Uint8Array | undefined {
  return decodeBase64(text);
}
