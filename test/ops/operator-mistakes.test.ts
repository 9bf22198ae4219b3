/**
 * Mistakes an operator makes in the environment of a production gateway, checked on the compiled
 * server in its own process: each one is said at start-up, naming variables, never values.
 */
import { createServer } from 'node:net';
import { compileGateway, startGatewayProcess, type CompiledGateway } from './gateway-process';

const API_KEYS = JSON.stringify([{ name: 'crm', key: 'lg_crm_8f3a91c2d7e64b0f9a5c1e7d3b2a6f40', scopes: ['leads:read', 'leads:write'] }]);
const KEYSPOT = {
  KEYSPOT_BASE_URL: 'http://127.0.0.1:9',
  KEYSPOT_CLIENT_ID: 'ks-client-0b4e',
  KEYSPOT_CLIENT_SECRET: 'ks-secret-93c1f7aa',
};
const PRODUCTION = { NODE_ENV: 'production', API_KEYS, ...KEYSPOT };

let build: CompiledGateway;
beforeAll(() => {
  build = compileGateway();
}, 120_000);
afterAll(() => build?.remove());

/** A port nobody listens on right now (the kernel's pick, released at once). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('OPS_PORT equal to PORT is a config error naming both, not an "address already in use" from listen', async () => {
  const port = String(await freePort());
  const gateway = startGatewayProcess(build.main, { ...PRODUCTION, PORT: port, OPS_PORT: port });
  try {
    expect(await Promise.race([gateway.exited, gateway.listening().then(() => 'listening')])).toBe(1);
  } finally {
    await gateway.stop();
  }
  expect(gateway.stderr().trim().split('\n')).toEqual([
    'config error: OPS_PORT must differ from PORT (the ops endpoints need a port of their own)',
  ]);
});

test('a misspelled provider variable is named in a start-up warning (never its value), and the listening line says which providers run', async () => {
  const gateway = startGatewayProcess(build.main, {
    ...PRODUCTION,
    // Both Tesselys credentials misspelled: Tesselys is simply not configured, Keyspot runs.
    TESSELYS_ACCES_TOKEN: 'tsl-access-7d1e0c9b',
    TESSELYS_COMPANY_TOKN: 'tsl-company-51aa2f3e',
  });
  try {
    await gateway.listening();
    const records = gateway.records();
    const warning = records.find((record) => record.msg === 'environment variables the gateway does not read (misspelled?)');
    expect(warning).toMatchObject({ level: 40, unreadVariables: ['TESSELYS_ACCES_TOKEN', 'TESSELYS_COMPANY_TOKN'] });
    expect(records.find((record) => typeof record.graphql === 'string')).toMatchObject({ providers: ['KEYSPOT'] });
  } finally {
    expect(await gateway.stop()).toBe(0);
  }
  const output = gateway.stdout() + gateway.stderr();
  for (const secret of ['7d1e0c9b', '51aa2f3e', '93c1f7aa']) expect(output).not.toContain(secret);
});

test('correctly spelled variables give no such warning', async () => {
  const gateway = startGatewayProcess(build.main, PRODUCTION);
  try {
    await gateway.listening();
    expect(gateway.records().filter((record) => record.level === 40)).toEqual([]);
  } finally {
    expect(await gateway.stop()).toBe(0);
  }
});
