/**
 * deploy/ cannot run here (no Docker engine), so this keeps it in step with the gateway instead:
 * every metric the Grafana dashboard queries is on a real gateway's /metrics; every variable the
 * compose file gives LeadGraph is one the gateway reads; Prometheus scrapes each replica on the
 * ops port and path it serves; nginx balances over the replicas' PORT; the dashboard's datasource
 * and folder are the provisioned ones. test/replicas/ is the behavioural proof of the same setup.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startTestStack } from '../support/test-stack';
import { REDIS_TEST_URL, testRedisPrefix } from '../support/test-redis';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'deploy');
const read = (path: string) => readFileSync(join(DEPLOY, path), 'utf8');

interface ComposeService {
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
}
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
const replicas = Object.entries(compose.services).filter(([name]) => name.startsWith('leadgraph-'));
const dashboard = JSON.parse(read('grafana/dashboards/leadgraph.json')) as {
  panels: Array<{ title: string; datasource: { uid: string }; targets: Array<{ expr: string; datasource: { uid: string } }> }>;
};

/** Every TypeScript source under src/, as one text. */
function sources(dir = join(ROOT, 'src')): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

test('three LeadGraph replicas built from the repository Dockerfile, with the same environment', () => {
  expect(replicas.map(([name]) => name)).toEqual(['leadgraph-1', 'leadgraph-2', 'leadgraph-3']);
  for (const [, service] of replicas) {
    expect(service.build).toEqual({ context: '..', dockerfile: 'Dockerfile' });
    expect(statSync(join(DEPLOY, service.build!.context, service.build!.dockerfile)).isFile()).toBe(true);
    expect(service.environment).toEqual(replicas[0]![1].environment);
  }
  expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'lb', 'prometheus', 'grafana']));
});

test('every variable compose gives LeadGraph is one the gateway reads; the shared store and Redis are the compose services', () => {
  const code = sources();
  const environment = replicas[0]![1].environment!;
  for (const name of Object.keys(environment))
    expect({ name, read: new RegExp(`env\\.${name}\\b|'${name}'`).test(code) }).toEqual({ name, read: true });
  expect(new URL(environment.DATABASE_URL!.replace(/\$\{[^}]*\}/, 'x')).host).toBe('postgres:5432');
  expect(new URL(environment.REDIS_URL!).host).toBe('redis:6379');
  expect(environment.NODE_ENV).toBe('production');
});

test('Prometheus scrapes every replica on its OPS_PORT at /metrics; nginx balances over every replica on its PORT', () => {
  const { OPS_PORT, PORT } = replicas[0]![1].environment!;
  const prometheus = parse(read('prometheus.yml')) as {
    scrape_configs: Array<{ metrics_path: string; static_configs: Array<{ targets: string[] }> }>;
  };
  const [job] = prometheus.scrape_configs;
  expect(job!.metrics_path).toBe('/metrics');
  expect(job!.static_configs.flatMap((c) => c.targets)).toEqual(replicas.map(([name]) => `${name}:${OPS_PORT}`));
  const upstreams = [...read('nginx.conf').matchAll(/^\s*server\s+([\w-]+:\d+)/gm)].map((m) => m[1]);
  expect(upstreams).toEqual(replicas.map(([name]) => `${name}:${PORT}`));
  expect(compose.services.lb!.volumes).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro');
  expect(compose.services.prometheus!.volumes).toContain('./prometheus.yml:/etc/prometheus/prometheus.yml:ro');
});

test('Grafana is provisioned with the datasource and the dashboard folder the dashboard uses', () => {
  const datasources = parse(read('grafana/provisioning/datasources/prometheus.yaml')) as {
    datasources: Array<{ uid: string; url: string }>;
  };
  const providers = parse(read('grafana/provisioning/dashboards/leadgraph.yaml')) as { providers: Array<{ options: { path: string } }> };
  const uids = new Set(dashboard.panels.flatMap((panel) => [panel.datasource.uid, ...panel.targets.map((t) => t.datasource.uid)]));
  expect([...uids]).toEqual([datasources.datasources[0]!.uid]);
  expect(datasources.datasources[0]!.url).toBe('http://prometheus:9090');
  expect(compose.services.grafana!.volumes).toEqual(
    expect.arrayContaining([
      './grafana/provisioning:/etc/grafana/provisioning:ro',
      `./grafana/dashboards:${providers.providers[0]!.options.path}:ro`,
    ]),
  );
});

test("every metric the dashboard queries is on a real gateway's /metrics", async () => {
  // With Redis, as compose runs it.
  const redis = await testRedisPrefix();
  const stack = await startTestStack({ env: { REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: redis.prefix } });
  let exposition: string;
  try {
    // One operation, so the operation series exist too (histograms are declared either way).
    await stack.gql('{ leads(first: 1) { totalCount } }');
    exposition = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  } finally {
    await stack.close();
    await redis.clean();
  }
  const exposed = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\w+) (\w+)$/gm)) {
    exposed.add(name!);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exposed.add(`${name}${suffix}`);
  }
  const queried = new Set(
    dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => target.expr.match(/\bleadgraph_\w+/g) ?? [])),
  );
  expect(queried.size).toBeGreaterThanOrEqual(8);
  expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
  // The panels the deployment promises.
  const titles = dashboard.panels.map((panel) => panel.title).join('\n');
  for (const topic of ['Operations', 'Upstream latency', 'Circuit state', 'Submissions by status', 'Oldest queued'])
    expect(titles).toContain(topic);
});
