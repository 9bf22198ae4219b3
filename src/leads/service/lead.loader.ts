/**
 * The per-request lead loader. Contract:
 * - lifetime: one GraphQL request (created in the context function), so its cache never serves a
 *   lead to another caller or outlives a mutation's effects beyond the request that made it;
 * - keys are global ids; each distinct id costs at most one upstream call, whatever the aliases;
 * - results come back in key order; unknown leads are null, failures are per key (one failing id
 *   does not fail its siblings);
 * - list and mutation results prime it, so reading a lead just listed or written is free.
 */
import DataLoader from 'dataloader';
import type { Lead } from '../types/lead.type';

export type LeadLoader = DataLoader<string, Lead | null>;

export function createLeadLoader(loadOne: (globalId: string) => Promise<Lead | null>): LeadLoader {
  return new DataLoader<string, Lead | null>(
    (ids) =>
      Promise.all(ids.map((id) => loadOne(id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
    // Neither provider has a batch read: batching only groups the calls, each id is its own GET.
    { maxBatchSize: 100 },
  );
}
