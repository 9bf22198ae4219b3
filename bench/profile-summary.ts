/**
 * Summarises a V8 .cpuprofile (from `npm run bench:profile`): self time per function and per
 * package/folder, so hot spots can be named with their share of the gateway's CPU.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const dir = process.argv[2] ?? join(__dirname, '..', '..', 'bench', 'profiles');
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()
  .pop();
if (!file) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[] };
const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);

const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  if (!hits) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const area = url.includes('node_modules/')
    ? url
        .split('node_modules/')
        .pop()!
        .split('/')
        .slice(0, url.includes('node_modules/@') ? 2 : 1)
        .join('/')
    : url.includes('/dist/')
      ? `leadgraph:${url.split('/dist/').pop()!.split('/').slice(0, 3).join('/')}`
      : url || `(${functionName || 'native'})`;
  const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  byArea.set(area, (byArea.get(area) ?? 0) + hits);
}
/** Layers of the request path, by file (first match wins), as docs/decisions/performance-per-core.md reports them. */
const LAYERS: Array<[string, RegExp]> = [
  ['(idle)', /\(idle\)/],
  ['garbage collector', /garbage collector/],
  [
    'socket writes (writev, string encoding, streams)',
    /^(writev|writeLatin1String|writeUtf8String|writeBuffer) |stream_base_commons|internal\/streams|_http_outgoing|node:net/,
  ],
  ['start-up (module loading, compiling)', /cjs\/loader|bootstrap\/realm|wrapSafe|readFileUtf8|compileFunction/],
  ['Apollo Server pipeline', /@apollo\/server|@apollo\/utils/],
  [
    'upstream client (undici, datasource-rest, providers/http, resilience)',
    /undici|datasource-rest|src\/providers\/http|src\/providers\/resilience|cockatiel|_http_client|_http_common|llhttp/,
  ],
  ['graphql-js + graphql-jit', /node_modules\/graphql\/|graphql-jit|MapItemHandler|LeadConnection__|Lead__/],
  ['type-graphql + class-validator', /type-graphql|class-validator|src\/validation/],
  ['LeadGraph mapping, paging, cursors, service', /src\/leads|src\/providers\/tesselys|src\/providers\/keyspot|src\/providers\/provider/],
  ['graphql-scalars', /graphql-scalars/],
  ['security (key, limits, scopes, cost)', /src\/security|src\/tenants|graphql-armor/],
  ['request context, server, observer, metrics', /src\/server|src\/graphql|src\/observability|prom-client/],
  ['logging', /pino|src\/logging|sonic-boom/],
  ['store', /kysely|src\/store|better-sqlite3/],
  ['crypto', /crypto/],
  ['other (node internals, JSON, microtasks)', /.*/],
];
const byLayer = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  if (!hits) continue;
  const key = `${node.callFrame.functionName} ${node.callFrame.url}`;
  const layer = LAYERS.find(([, pattern]) => pattern.test(key))![0];
  byLayer.set(layer, (byLayer.get(layer) ?? 0) + hits);
}
const busy = total - (byLayer.get('(idle)') ?? 0);
const layers = LAYERS.filter(([name]) => name !== '(idle)')
  .map(([name]) => `${(((byLayer.get(name) ?? 0) / busy) * 100).toFixed(1).padStart(5)}%  ${name}`)
  .join('\n');

const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
process.stdout.write(
  `${file}: ${total} samples\n\nby layer (self time, share of the ${busy} busy samples)\n${layers}\n\nby area (self time)\n${top(byArea, 25)}\n\nby function (self time)\n${top(byFunction, 30)}\n`,
);
