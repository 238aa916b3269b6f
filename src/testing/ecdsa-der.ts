/** One 32-byte half of `r || s` as a DER INTEGER: leading zeros dropped, one added for a set top bit. */
function integer(half: Uint8Array): number[] {
  let start = 0;
  while (start < half.length - 1 && half[start] === 0) start++;
  const bytes = [...half.subarray(start)];
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return [0x02, bytes.length, ...bytes];
}

/** An ECDSA signature `r || s` (IEEE P1363) as the DER ECDSA-Sig-Value SendGrid sends. */
export function p1363ToDer(raw: Uint8Array): Uint8Array {
  const body = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32, 64))];
  return Uint8Array.from([0x30, body.length, ...body]);
}
