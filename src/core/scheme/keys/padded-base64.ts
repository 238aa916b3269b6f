import { decodeBase64 } from '../../encoding.js';

/**
 * Decodes a base64 key, with or without its "=" padding; undefined when it is not base64.
 * Dashboards and `.env` files often show base64 secrets with their padding cut off, and the
 * Standard Webhooks reference libraries accept them: put it back. A key is not a signature, so
 * there is no second text of the same value to worry about; non-zero pad bits stay refused,
 * since no encoder writes them and they point to a truncated or mistyped key.
 */
export function decodeKeyBase64(text: string): Uint8Array | undefined {
  const rest = text.length % 4;
  return decodeBase64(rest === 2 ? `${text}==` : rest === 3 ? `${text}=` : text);
}
