/**
 * What a production start-up refuses, checked on the compiled server in its own process (as
 * `npm start` runs it): no provider configured is a mistake unless LEADGRAPH_DEMO=1 says so (a typo
 * in one variable name must not send real leads to an in-memory simulator), and a credential that
 * cannot travel in an HTTP header stops start-up naming the variable, never echoing the value.
 */
import { compileGateway, startGatewayProcess, type CompiledGateway } from './gateway-process';

const API_KEYS = JSON.stringify([{ name: 'crm', key: 'lg_crm_8f3a91c2d7e64b0f9a5c1e7d3b2a6f40', scopes: ['leads:read', 'leads:write'] }]);
const PRODUCTION = { NODE_ENV: 'production', API_KEYS };

let build: CompiledGateway;
beforeAll(() => {
  build = compileGateway();
}, 120_000);
afterAll(() => build?.remove());

test('production with no provider configured refuses to start: one config-error line, exit 1', async () => {
  const gateway = startGatewayProcess(build.main, PRODUCTION);
  try {
    // Either it exits, or it listens (the defect): the first of the two decides.
    const outcome = await Promise.race([
      gateway.exited.then((code) => ({ code })),
      gateway.listening().then(
        (url) => ({ url }),
        () => ({}),
      ),
    ]);
    expect(outcome).toEqual({ code: 1 });
    const lines = gateway.stderr().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^config error: no provider is configured in production.*LEADGRAPH_DEMO=1/)]);
  } finally {
    await gateway.stop();
  }
});

test('production with LEADGRAPH_DEMO=1 runs on the simulators, and says so', async () => {
  const gateway = startGatewayProcess(build.main, { ...PRODUCTION, LEADGRAPH_DEMO: '1' });
  try {
    const url = await gateway.listening();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(gateway.records().find((record) => String(record.msg).startsWith('DEMO MODE'))).toMatchObject({ reason: 'forced' });
  } finally {
    expect(await gateway.stop()).toBe(0);
  }
});

test('development keeps demo mode as the default with no provider configured', async () => {
  const gateway = startGatewayProcess(build.main, { NODE_ENV: 'development', LOG_FORMAT: 'json' });
  try {
    await gateway.listening();
    expect(gateway.records().find((record) => String(record.msg).startsWith('DEMO MODE'))).toMatchObject({
      reason: 'no-provider-configured',
    });
  } finally {
    expect(await gateway.stop()).toBe(0);
  }
});

test.each([
  ['a zero-width space', 'tsl-access-\u200b7d1e0c9b'],
  ['a control character', 'tsl-access-\u00077d1e0c9b'],
  ['an inner space', 'tsl-access 7d1e0c9b'],
  ['a non-ASCII letter', 'tsl-acess-\u00e77d1e0c9b'],
])('a Tesselys token with %s stops start-up naming the variable, not the value', async (_case, token) => {
  const gateway = startGatewayProcess(build.main, {
    ...PRODUCTION,
    TESSELYS_ACCESS_TOKEN: token,
    TESSELYS_COMPANY_TOKEN: 'tsl-company-51aa2f3e',
  });
  try {
    expect(await Promise.race([gateway.exited, gateway.listening().then(() => 'listening')])).toBe(1);
  } finally {
    await gateway.stop();
  }
  const lines = gateway.stderr().trim().split('\n');
  expect(lines).toEqual([
    expect.stringMatching(/^config error: TESSELYS_ACCESS_TOKEN contains a character that cannot be sent in an HTTP header/),
  ]);
  expect(gateway.stderr() + gateway.stdout()).not.toContain('7d1e0c9b');
});
