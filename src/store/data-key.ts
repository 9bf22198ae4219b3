/**
 * Where the data key comes from: LEADGRAPH_DATA_KEY when set; otherwise (development, test, demo
 * only: production is refused by store-config.ts's dataKeyProblem) a random key kept in
 * `<dataDir>/leadgraph.key`, mode 0600, made on first use and reused after, so the local data stays
 * readable across restarts. Using the key file logs a warning each start; the key itself is never
 * logged.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/logger';
import { DATA_KEY_BYTES, dataKeyProblem, decodeDataKey } from './store-config';

export const LOCAL_KEY_FILE = 'leadgraph.key';

export interface DataKeySource {
  dataKey?: Buffer;
  dataDir: string;
  nodeEnv: string;
  logger: Logger;
}

export function resolveDataKey(source: DataKeySource): Buffer {
  if (source.dataKey) return source.dataKey;
  const problem = dataKeyProblem(source, source.nodeEnv);
  if (problem) throw new Error(problem);
  const file = join(source.dataDir, LOCAL_KEY_FILE);
  mkdirSync(source.dataDir, { recursive: true, mode: 0o700 });
  let made = false;
  try {
    writeFileSync(file, `${randomBytes(DATA_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    made = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Read back even when just written: two processes racing here end up with the same key.
  const key = decodeDataKey(readFileSync(file, 'utf8').trim());
  if (!key)
    throw new Error(`The local data key file ${file} is not ${DATA_KEY_BYTES} bytes in base64; restore it or set LEADGRAPH_DATA_KEY`);
  chmodSync(file, 0o600);
  source.logger.warn(
    { keyFile: file, made },
    'LEADGRAPH_DATA_KEY is not set: personal data is encrypted with a local key file beside the data (development and demo only; production requires LEADGRAPH_DATA_KEY)',
  );
  return key;
}
