/**
 * The last total seen per listing (keyed by the listing's cursor fingerprint), for one tenant ×
 * provider connection. A cursor's offset is the client's word; the total is the provider's. The
 * pager bounds an offset by what it remembers here before asking the provider for any page, so a
 * forged cursor can never turn into an absurd upstream page.
 *
 * Contract: bounded (least recently used fingerprints are forgotten beyond `capacity`), never
 * grows with request data, and a forgotten or unknown fingerprint is simply `undefined`.
 */
export class ListingTotals {
  private readonly totals = new Map<string, number>();

  constructor(private readonly capacity = 1_000) {}

  /** The last total seen for this listing, if still remembered. */
  get(fingerprint: string): number | undefined {
    const total = this.totals.get(fingerprint);
    if (total === undefined) return undefined;
    // Re-insert: a Map iterates in insertion order, so the oldest key is the least recently used.
    this.totals.delete(fingerprint);
    this.totals.set(fingerprint, total);
    return total;
  }

  remember(fingerprint: string, total: number): void {
    this.totals.delete(fingerprint);
    this.totals.set(fingerprint, total);
    if (this.totals.size > this.capacity) this.totals.delete(this.totals.keys().next().value as string);
  }

  get size(): number {
    return this.totals.size;
  }
}
