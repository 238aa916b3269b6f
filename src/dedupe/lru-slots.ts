const NONE = -1;
const INITIAL_CAPACITY = 1024;

/**
 * Keys in least-recently-used order, each with an expiry time and an optional token, held in
 * parallel arrays indexed by slot number and linked through `prev`/`next`.
 *
 * Why not a Map's insertion order: evicting "the first key of a Map" walks over the holes left
 * by earlier deletions, which costs time proportional to the size (measured at about 50 µs per
 * operation at 100,000 keys). A linked list is O(1), and typed arrays for the links and
 * expiries add 16 bytes per key where one object per key would add about 50.
 *
 * bench/dedupe-memory.ts measures the whole store per key.
 */
export class LruSlots {
  private readonly index = new Map<string, number>();
  private keys: (string | undefined)[] = [];
  // Only live claims carry a token, and completed keys far outnumber them: a Map of the few
  // costs less than a slot for every key.
  private readonly tokens = new Map<number, string>();
  private expiries = new Float64Array(0);
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  private head = NONE;
  private tail = NONE;
  private free = NONE;
  private used = 0;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.index.size;
  }

  /** The slot of a key, or -1. */
  find(key: string): number {
    return this.index.get(key) ?? NONE;
  }

  expiry(slot: number): number {
    return this.expiries[slot]!;
  }

  /** The claim's token, or undefined for a completed key. */
  token(slot: number): string | undefined {
    return this.tokens.get(slot);
  }

  /** The least recently used slot, or -1 when empty. */
  oldest(): number {
    return this.head;
  }

  /** Sets a slot's state and makes it the most recently used. */
  update(slot: number, token: string | undefined, expiresAt: number): void {
    this.setToken(slot, token);
    this.expiries[slot] = expiresAt;
    this.touch(slot);
  }

  /** Makes a slot the most recently used. */
  touch(slot: number): void {
    if (slot === this.tail) return;
    this.unlink(slot);
    this.append(slot);
  }

  /** Adds a key that is not present, evicting the least recently used key when full. */
  insert(key: string, token: string | undefined, expiresAt: number): void {
    if (this.index.size >= this.maxEntries) this.remove(this.head);
    let slot = this.free;
    if (slot !== NONE) this.free = this.next[slot]!;
    else {
      if (this.used === this.prev.length) this.grow();
      slot = this.used++;
    }
    this.keys[slot] = key;
    this.index.set(key, slot);
    this.setToken(slot, token);
    this.expiries[slot] = expiresAt;
    this.append(slot);
  }

  remove(slot: number): void {
    this.unlink(slot);
    this.index.delete(this.keys[slot]!);
    this.keys[slot] = undefined;
    this.tokens.delete(slot);
    this.next[slot] = this.free;
    this.free = slot;
  }

  private setToken(slot: number, token: string | undefined): void {
    if (token === undefined) this.tokens.delete(slot);
    else this.tokens.set(slot, token);
  }

  private unlink(slot: number): void {
    const before = this.prev[slot]!;
    const after = this.next[slot]!;
    if (before === NONE) this.head = after;
    else this.next[before] = after;
    if (after === NONE) this.tail = before;
    else this.prev[after] = before;
  }

  private append(slot: number): void {
    this.prev[slot] = this.tail;
    this.next[slot] = NONE;
    if (this.tail === NONE) this.head = slot;
    else this.next[this.tail] = slot;
    this.tail = slot;
  }

  /** Doubles the arrays (up to maxEntries), so a small store stays small. */
  private grow(): void {
    const capacity = Math.min(this.maxEntries, Math.max(INITIAL_CAPACITY, this.prev.length * 2));
    const expiries = new Float64Array(capacity);
    expiries.set(this.expiries);
    const prev = new Int32Array(capacity);
    prev.set(this.prev);
    const next = new Int32Array(capacity);
    next.set(this.next);
    this.expiries = expiries;
    this.prev = prev;
    this.next = next;
  }
}
