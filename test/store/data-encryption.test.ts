/**
 * Personal data at rest: the cipher's rules for every input (fast-check), the local key file of
 * development and demo, production refusing to open without LEADGRAPH_DATA_KEY, a store written
 * under another key refused at open, and nothing stored ever reaching a log line.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { silentLogger } from '../../src/logging/logger';
import { DataCipher, DataDecryptionError, dataKeyId } from '../../src/store/data-cipher';
import { LOCAL_KEY_FILE } from '../../src/store/data-key';
import { DataKeyMismatchError } from '../../src/store/data-key-check';
import { openStore } from '../../src/store/open-store';
import { captureLogs } from '../support/log-capture';
import { baseConfig, describeEachStore } from './support/store-targets';

describe('DataCipher', () => {
  const cipher = new DataCipher(randomBytes(32));

  test('decrypt(encrypt(x)) is x for every string and context, and the stored form never contains x', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 8 }), fc.string(), (plaintext, context) => {
        const stored = cipher.encrypt(plaintext, context);
        expect(cipher.decrypt(stored, context)).toBe(plaintext);
        expect(stored).not.toContain(plaintext);
        expect(stored.startsWith(`lg1.${cipher.keyId}.`)).toBe(true);
      }),
    );
  });

  test('JSON values round-trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        expect(cipher.decryptJson(cipher.encryptJson(value, 'c'), 'c')).toEqual(JSON.parse(JSON.stringify(value))),
      ),
    );
  });

  test('the same value encrypts differently every time (a fresh IV per value)', () => {
    expect(cipher.encrypt('maria@example.com.br', 'c')).not.toBe(cipher.encrypt('maria@example.com.br', 'c'));
  });

  test('no IV is handed out twice, across several refills of the IV pool, and every value still decrypts', () => {
    const stored = Array.from({ length: 1000 }, () => cipher.encrypt('maria@example.com.br', 'c'));
    const ivs = stored.map((value) => Buffer.from(value.split('.')[2]!, 'base64url').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(stored.length);
    for (const value of stored) expect(cipher.decrypt(value, 'c')).toBe('maria@example.com.br');
  });

  test('another context, another key or any changed character fails to decrypt, without quoting the value', () => {
    const stored = cipher.encrypt('maria@example.com.br', 'submissions.input/acme/1');
    expect(() => cipher.decrypt(stored, 'submissions.input/globex/1')).toThrow(DataDecryptionError);
    expect(() => new DataCipher(randomBytes(32)).decrypt(stored, 'submissions.input/acme/1')).toThrow(/no key with id/);
    fc.assert(
      fc.property(fc.integer({ min: 13, max: stored.length - 1 }), (index) => {
        const flipped = stored[index] === 'A' ? 'B' : 'A';
        const tampered = stored.slice(0, index) + flipped + stored.slice(index + 1);
        let message = '';
        try {
          cipher.decrypt(tampered, 'submissions.input/acme/1');
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toMatch(/could not be decrypted/);
        expect(message).not.toContain('maria');
      }),
    );
  });

  test('after a rotation the previous key still decrypts old values; new ones use the new key', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new DataCipher(oldKey).encrypt('old row', 'c');
    const rotated = new DataCipher(newKey, [oldKey]);
    expect(rotated.decrypt(before, 'c')).toBe('old row');
    expect(rotated.encrypt('new row', 'c')).toContain(`.${dataKeyId(newKey)}.`);
    expect(dataKeyId(newKey)).not.toBe(dataKeyId(oldKey));
  });
});

describeEachStore('data key', (target) => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'leadgraph-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('development without LEADGRAPH_DATA_KEY makes a 0600 key file beside the data, warns, and keeps using it', async () => {
    // A store of its own: rows written under this key file are unreadable with the other tests' key.
    const { dataKey: _none, ...config } = { ...(await target().fresh()).config, dataDir: dir };
    const logs = captureLogs('info');
    const first = await openStore({ config, nodeEnv: 'development', logger: logs.logger });
    const keyFile = join(dir, LOCAL_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const warning = logs.records().find((record) => record.level === 40);
    expect(warning?.msg).toMatch(/LEADGRAPH_DATA_KEY is not set/);
    expect(logs.lines.join('\n')).not.toContain(readFileSync(keyFile, 'utf8').trim());
    const queued = await first.submissions.enqueue({ tenant: 'default', provider: 'KEYSPOT', input: { email: 'ana@example.com.br' } });
    await first.close();

    const second = await openStore({ config, nodeEnv: 'development', logger: silentLogger() });
    try {
      const id = queued.status === 'enqueued' ? queued.submission.id : '';
      expect((await second.submissions.get('default', id))?.input).toEqual({ email: 'ana@example.com.br' });
    } finally {
      await second.close();
    }
  });

  test('production without LEADGRAPH_DATA_KEY refuses to open, and makes no key file', async () => {
    const { dataKey: _none, ...config } = { ...target().config, dataDir: dir };
    await expect(openStore({ config, nodeEnv: 'production', logger: silentLogger() })).rejects.toThrow(
      /LEADGRAPH_DATA_KEY is required in production/,
    );
    expect(() => statSync(join(dir, LOCAL_KEY_FILE))).toThrow();
  });

  test('a store written under another key is refused at open, naming both key ids and neither key', async () => {
    const { config } = await target().fresh();
    const writer = await openStore({ config, nodeEnv: 'test', logger: silentLogger() });
    await writer.submissions.enqueue({ tenant: 'default', provider: 'KEYSPOT', input: { email: 'ana@example.com.br' } });
    await writer.close();
    const otherKey = randomBytes(32);
    const opening = openStore({ config: { ...config, dataKey: otherKey }, nodeEnv: 'test', logger: silentLogger() });
    await expect(opening).rejects.toThrow(DataKeyMismatchError);
    await expect(opening).rejects.toThrow(
      `encrypted with data key ${dataKeyId(config.dataKey!)}, but the configured key is ${dataKeyId(otherKey)}`,
    );
    const message = await opening.catch((error: Error) => error.message);
    expect(message).not.toContain(otherKey.toString('base64'));
    expect(message).not.toContain(config.dataKey!.toString('base64'));
    // The right key still opens it (a refused open leaves nothing behind).
    const reader = await openStore({ config, nodeEnv: 'test', logger: silentLogger() });
    await reader.close();
  });

  test('a whole store lifecycle logs no stored value', async () => {
    const logs = captureLogs('trace');
    const store = await openStore({
      config: { ...target().config, ...(target().kind === 'sqlite' ? baseConfig(dir) : {}) },
      nodeEnv: 'test',
      logger: logs.logger,
    });
    try {
      const result = await store.submissions.enqueue({
        tenant: 'default',
        provider: 'KEYSPOT',
        input: { contact: { name: 'Beatriz Lima', email: 'bia@example.com.br' } },
      });
      const [claimed] = await store.submissions.claim('w', 1000, 10);
      await store.submissions.markDelivered(claimed!.id, { providerLeadId: 'p', lead: { name: 'Beatriz Lima' } });
      await store.leadRecords.upsert({
        tenant: 'default',
        provider: 'KEYSPOT',
        providerLeadId: 'p',
        lead: { name: 'Beatriz Lima' },
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      expect(result.status).toBe('enqueued');
    } finally {
      await store.close();
    }
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.lines.join('\n')).not.toMatch(/Beatriz|bia@/);
  });
});
