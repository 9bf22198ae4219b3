/**
 * The operational endpoints: `/healthz` (liveness: the process serves HTTP, nothing upstream is
 * consulted), `/readyz` (readiness: this process can serve; provider states beside it, see
 * readiness.ts) and `/metrics` (Prometheus).
 *
 * Where no private network separates them from clients, METRICS_TOKEN restricts them: `/metrics`
 * and the detail of `/readyz` then need `Authorization: Bearer <token>`; `/readyz` still answers its
 * status (200/503) to anyone, which is all a load balancer needs. OPS_PORT moves `/readyz` and
 * `/metrics` to a port of their own (gateway.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import type { GatewayMetrics } from '../observability/metrics';
import { sha256 } from '../security/api-keys';
import type { ReadinessCheck } from './readiness';

export interface OpsRoutesOptions {
  readiness: ReadinessCheck;
  metrics: GatewayMetrics;
  metricsToken?: string;
}

/** Whether the request presents the metrics token (compared as digests, in constant time). */
function presentsToken(req: Request, expected: Buffer | undefined): boolean {
  if (!expected) return true;
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(sha256(presented), expected);
}

export function mountHealthRoute(app: Express): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
}

export function mountOpsRoutes(app: Express, options: OpsRoutesOptions): void {
  const expected = options.metricsToken ? sha256(options.metricsToken) : undefined;
  const refuse = (res: Response) => {
    res.setHeader('WWW-Authenticate', 'Bearer realm="leadgraph-ops"');
    res.status(401).json({ status: 'unauthorized' });
  };

  app.get('/readyz', async (req, res) => {
    const report = await options.readiness();
    const status = report.ready ? 'ready' : 'not_ready';
    res.status(report.ready ? 200 : 503);
    if (!presentsToken(req, expected)) return void res.json({ status });
    res.json({
      status,
      ...(report.reason ? { reason: report.reason } : {}),
      ...(report.store ? { store: report.store } : {}),
      ...(report.redis ? { redis: report.redis } : {}),
      providers: report.providers,
    });
  });

  app.get('/metrics', async (req, res) => {
    if (!presentsToken(req, expected)) return refuse(res);
    // Provider states are as fresh as readiness's cache: a scrape probes at most once per cache period.
    await options.readiness();
    res.type(options.metrics.contentType).send(await options.metrics.render());
  });
}
