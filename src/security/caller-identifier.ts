/**
 * Who a presented API key belongs to. Asynchronous so that a store (tenant keys kept as digests in
 * the database, DESIGN.md Part 2) can answer it; API_KEYS answers from memory (api-keys.ts).
 */
import type { Caller } from './scopes';

export interface CallerIdentifier {
  /** True when no key is configured at all: every caller is the anonymous one. */
  readonly open: boolean;
  /** The caller `presentedKey` belongs to, or undefined for an unknown key. Never logs the key. */
  identify(presentedKey: string): Promise<Caller | undefined>;
}
