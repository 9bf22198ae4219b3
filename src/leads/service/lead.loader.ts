/**
 * The per-request lead loader. Contract:
 * - lifetime: one GraphQL request (created in the context function), so its cache never serves a
 *   lead to another caller or outlives a mutation's effects beyond the request that made it;
 * - keys are global ids; each distinct id costs at most one upstream call, whatever the aliases;
 * - results come back in key order; unknown leads are null, failures are per key (one failing id
 *   does not fail its siblings);
 * - at most MAX_IN_FLIGHT reads run at once per request, so a large batch (a supergraph asking for
 *   100 entities) queues instead of opening 100 connections to one provider;
 * - list and mutation results prime it, so reading a lead just listed or written is free.
 */
import DataLoader from 'dataloader';
import type { Lead } from '../types/lead.type';

export type LeadLoader = DataLoader<string, Lead | null>;

/** Concurrent upstream reads per request; providers rate-limit per token, not per request. */
export const MAX_IN_FLIGHT = 8;

export function createLeadLoader(loadOne: (globalId: string) => Promise<Lead | null>, maxInFlight = MAX_IN_FLIGHT): LeadLoader {
  // One limiter per loader, so the cap holds across batches of the same request.
  const limited = concurrencyLimiter(maxInFlight);
  return new DataLoader<string, Lead | null>(
    (ids) =>
      Promise.all(
        ids.map((id) => limited(() => loadOne(id)).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))),
      ),
    // Neither provider has a batch read: batching only groups the calls, each id is its own GET.
    { maxBatchSize: 100 },
  );
}

/** Runs the tasks given to it with at most `limit` pending at once, in the order they were given. */
function concurrencyLimiter(limit: number): <R>(task: () => Promise<R>) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return async (task) => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
