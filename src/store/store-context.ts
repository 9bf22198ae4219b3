/**
 * What every repository shares: the Kysely handle, which store it talks to, the cipher for
 * personal data and the clock (injected, so tests move time instead of waiting for it).
 */
import type { Kysely } from 'kysely';
import type { DataCipher } from './data-cipher';
import type { Database } from './database-schema';

export type StoreKind = 'sqlite' | 'postgres';

export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
  readonly cipher: DataCipher;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
}
