/** The resilience variables: documented defaults, overrides, and one named line per bad value. */
import { ConfigError, loadConfig } from '../../src/config/gateway-config';
import { readResilienceConfig } from '../../src/config/resilience-config';
import { PROVIDER_MODULES } from '../../src/providers/registry';

test('defaults: 10 s deadline, 2 retries for reads, circuit opens after 5 failures for 30 s', () => {
  const { settings, problems } = readResilienceConfig({});
  expect(problems).toEqual([]);
  expect(settings).toMatchObject({ timeoutMs: 10_000, retries: 2, breakerThreshold: 5, breakerCooldownMs: 30_000 });
  expect(settings.retryBudgetMs).toBe(20_000);
});

test('overrides are read, and the retry budget follows the deadline unless set', () => {
  const { settings, problems } = readResilienceConfig({
    PROVIDER_TIMEOUT_MS: '250',
    PROVIDER_RETRIES: '0',
    CIRCUIT_BREAKER_THRESHOLD: '3',
    CIRCUIT_BREAKER_COOLDOWN_MS: ' 1000 ',
    PROVIDER_MAX_CONCURRENCY: '4',
  });
  expect(problems).toEqual([]);
  expect(settings).toMatchObject({ timeoutMs: 250, retries: 0, breakerThreshold: 3, breakerCooldownMs: 1000, retryBudgetMs: 500 });
  expect(settings).toMatchObject({ maxConcurrent: 4, maxQueued: 8 });
  expect(readResilienceConfig({ PROVIDER_TIMEOUT_MS: '250', PROVIDER_RETRY_BUDGET_MS: '900' }).settings.retryBudgetMs).toBe(900);
});

test('each bad variable gives one line naming it, without echoing the value', () => {
  const env = {
    PROVIDER_TIMEOUT_MS: 'soon',
    PROVIDER_RETRIES: '-1',
    CIRCUIT_BREAKER_THRESHOLD: '0',
    CIRCUIT_BREAKER_COOLDOWN_MS: '1.5',
    PROVIDER_BACKOFF_MS: 'x',
    PROVIDER_RETRY_BUDGET_MS: '0',
    PROVIDER_MAX_CONCURRENCY: '0',
    PROVIDER_MAX_QUEUE: 'lots',
  };
  const { problems } = readResilienceConfig(env);
  expect(problems.map((line) => line.split(' ')[0]).sort()).toEqual(Object.keys(env).sort());
  for (const line of problems) expect(line).toMatch(/^[A-Z_]+ must be a whole number of \w+ from \d+ to \d+$/);
  for (const value of ['soon', 'lots']) for (const line of problems) expect(line).not.toContain(value);
});

test('the gateway refuses to start on a bad value, naming the variable', () => {
  expect(() => loadConfig({ PROVIDER_RETRIES: 'many' } as NodeJS.ProcessEnv, PROVIDER_MODULES)).toThrow(ConfigError);
  expect(() => loadConfig({ PROVIDER_RETRIES: 'many' } as NodeJS.ProcessEnv, PROVIDER_MODULES)).toThrow(/PROVIDER_RETRIES must be/);
});
