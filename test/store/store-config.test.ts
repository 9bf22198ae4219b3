/** The store's variables: defaults, one problem line per bad variable that never echoes its value, production's key rule. */
import { randomBytes } from 'node:crypto';
import { dataKeyProblem, readStoreConfig, storeSecretsInEnv } from '../../src/store/store-config';

test('defaults: embedded SQLite in ./data, no key, 90 days, 24 hours, 72 hours, 20 ms', () => {
  expect(readStoreConfig({}, 'development', '/srv/app')).toEqual({
    config: { dataDir: '/srv/app/data', leadRetentionDays: 90, idempotencyTtlHours: 24, submissionMaxAgeHours: 72, groupCommitMs: 20 },
    problems: [],
  });
});

test('every variable is read', () => {
  const key = randomBytes(32);
  const { config, problems } = readStoreConfig(
    {
      DATABASE_URL: 'postgres://app:pw@db.internal:5432/leadgraph',
      LEADGRAPH_DATA_DIR: '/var/lib/leadgraph',
      LEADGRAPH_DATA_KEY: key.toString('base64'),
      LEAD_RETENTION_DAYS: '30',
      IDEMPOTENCY_TTL_HOURS: '48',
      SUBMISSION_MAX_AGE_HOURS: '12',
      STORE_GROUP_COMMIT_MS: '0',
    },
    'production',
  );
  expect(problems).toEqual([]);
  expect(config).toEqual({
    databaseUrl: 'postgres://app:pw@db.internal:5432/leadgraph',
    dataDir: '/var/lib/leadgraph',
    dataKey: key,
    leadRetentionDays: 30,
    idempotencyTtlHours: 48,
    submissionMaxAgeHours: 12,
    groupCommitMs: 0,
  });
});

test('one line per bad variable, naming it and never echoing its value', () => {
  const env = {
    DATABASE_URL: 'mysql://root:hunter2secret@db/x',
    LEADGRAPH_DATA_KEY: 'c2hvcnQta2V5LXNlY3JldA==',
    LEAD_RETENTION_DAYS: '-7',
    IDEMPOTENCY_TTL_HOURS: '1.5',
    SUBMISSION_MAX_AGE_HOURS: 'forever',
    STORE_GROUP_COMMIT_MS: '5ms',
  };
  const { problems } = readStoreConfig(env, 'production');
  expect(problems.map((line) => line.split(' ')[0])).toEqual([
    'DATABASE_URL',
    'LEADGRAPH_DATA_KEY',
    'LEAD_RETENTION_DAYS',
    'IDEMPOTENCY_TTL_HOURS',
    'SUBMISSION_MAX_AGE_HOURS',
    'STORE_GROUP_COMMIT_MS',
  ]);
  const text = problems.join('\n');
  for (const value of Object.values(env)) expect(text).not.toContain(value);
  expect(text).not.toContain('hunter2');
});

test('production without LEADGRAPH_DATA_KEY is a problem; development and test are not', () => {
  expect(readStoreConfig({}, 'production').problems).toEqual([expect.stringMatching(/^LEADGRAPH_DATA_KEY is required in production/)]);
  expect(dataKeyProblem({}, 'production')).toMatch(/LEADGRAPH_DATA_KEY/);
  expect(dataKeyProblem({}, 'development')).toBeUndefined();
  expect(dataKeyProblem({ dataKey: randomBytes(32) }, 'production')).toBeUndefined();
});

test('the data key and the database password are secrets for the redaction list', () => {
  const key = randomBytes(32).toString('base64');
  const secrets = storeSecretsInEnv({ LEADGRAPH_DATA_KEY: key, DATABASE_URL: 'postgres://app:p%40ss-word-1@db/leadgraph' });
  expect(secrets).toEqual(expect.arrayContaining([key, 'p@ss-word-1']));
});

test('LEADGRAPH_DATA_KEY may be a comma-separated key list: the first encrypts, the rest only decrypt; a bad entry is one problem line', () => {
  const [current, previous] = [randomBytes(32), randomBytes(32)];
  const list = `${current.toString('base64')} , ${previous.toString('base64url')}`;
  const { config, problems } = readStoreConfig({ LEADGRAPH_DATA_KEY: list }, 'production');
  expect(problems).toEqual([]);
  expect(config.dataKey).toEqual(current);
  expect(config.previousDataKeys).toEqual([previous]);
  expect(readStoreConfig({ LEADGRAPH_DATA_KEY: current.toString('base64') }, 'test').config.previousDataKeys).toBeUndefined();

  for (const bad of [
    `${current.toString('base64')},not-a-key-secret`,
    `${current.toString('base64')},`,
    `,${current.toString('base64')}`,
  ]) {
    const result = readStoreConfig({ LEADGRAPH_DATA_KEY: bad }, 'production');
    expect(result.problems).toEqual([expect.stringMatching(/^LEADGRAPH_DATA_KEY must be .* comma-separated list/)]);
    expect(result.problems.join('\n')).not.toContain(current.toString('base64'));
    expect(result.problems.join('\n')).not.toContain('not-a-key-secret');
    expect(result.config.dataKey).toBeUndefined();
  }
  expect(storeSecretsInEnv({ LEADGRAPH_DATA_KEY: list })).toEqual(
    expect.arrayContaining([list, current.toString('base64'), previous.toString('base64url')]),
  );
});
