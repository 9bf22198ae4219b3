/**
 * Start-up check that the configured data key can read what is stored: a store written under
 * another key (a swapped LEADGRAPH_DATA_KEY, a lost local key file) is refused at open with the
 * two key ids, instead of failing on every later read. Looks at one stored value per table; key
 * ids are hashes, not keys, and safe to print.
 */
import type { Kysely } from 'kysely';
import type { DataCipher } from './data-cipher';
import type { Database } from './database-schema';

export class DataKeyMismatchError extends Error {
  constructor(storedKeyId: string, currentKeyId: string) {
    super(
      `The stored data was encrypted with data key ${storedKeyId}, but the configured key is ${currentKeyId}: ` +
        'set LEADGRAPH_DATA_KEY (or restore the local key file) to the key the data was written with',
    );
    this.name = 'DataKeyMismatchError';
  }
}

export async function checkDataKey(db: Kysely<Database>, cipher: DataCipher): Promise<void> {
  const samples = await Promise.all([
    db.selectFrom('submissions').select('input as value').limit(1).executeTakeFirst(),
    db.selectFrom('lead_records').select('lead as value').limit(1).executeTakeFirst(),
    db.selectFrom('idempotency_keys').select('outcome as value').where('outcome', 'is not', null).limit(1).executeTakeFirst(),
  ]);
  for (const sample of samples) {
    const keyId = sample?.value?.split('.')[1];
    if (keyId !== undefined && !cipher.canDecryptKeyId(keyId)) throw new DataKeyMismatchError(keyId, cipher.keyId);
  }
}
