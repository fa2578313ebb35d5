// A memo that can also say which of its entries the current build used, so that exactly those
// can be kept on disk for the next build (build/memoStore.ts), and be primed from disk.

export class TrackedMemo<V> {
  private readonly map = new Map<string, V>();
  private used: Map<string, V> | null = null;
  /** Entries found already made, counted once each, since track(). */
  private reused = 0;

  /** @param limit entries kept in memory before the memo starts over (watch mode runs for hours). */
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined && this.used && !this.used.has(key)) {
      this.reused++;
      this.used.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    this.used?.set(key, value);
  }

  /** Entries from an earlier build; those already known are kept as they are. */
  prime(entries: Iterable<[string, V]>): void {
    for (const [k, v] of entries) if (!this.map.has(k)) this.map.set(k, v);
  }

  /** Starts recording which entries are read or written. */
  track(): void {
    this.used = new Map();
    this.reused = 0;
  }

  /** The entries read or written since track(), and how many of them were reused; stops recording. */
  take(): { used: Map<string, V>; reused: number } {
    const used = this.used ?? new Map<string, V>();
    this.used = null;
    return { used, reused: this.reused };
  }

  clear(): void {
    this.map.clear();
  }
}
