/** The Peridio scheme by hand on crypto.subtle, the key imported once (see subtle-floor.mjs). */
export function peridioSubtleFloor(
  secretHex: string,
): Promise<(body: Uint8Array, headers: Readonly<Record<string, string | string[] | undefined>>) => Promise<boolean>>;
