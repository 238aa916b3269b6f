/**
 * Most entries a signature source reads from one request, whatever the algorithm: real senders
 * send one or two (two while a secret is rolled); a long list only costs work.
 */
export const MAX_ENTRIES = 16;
