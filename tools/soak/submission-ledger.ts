/**
 * The soak's proof for `submitLead`: every submission the gateway answered (with an id) is noted
 * with the unique text it carried; after the load, with faults cleared, the ledger waits until
 * every one is DELIVERED (or a deadline passes) and counts, on the simulators, the leads each one
 * created. "Delivered exactly once" means DELIVERED and exactly one lead at the provider.
 */
import { setTimeout as delay } from 'node:timers/promises';

const ALIASES_PER_READ = 10;

export interface AnsweredSubmission {
  id: string;
  provider: 'KEYSPOT' | 'TESSELYS';
  /** The unique title (Tesselys) or message (Keyspot) the submission carried. */
  text: string;
}

export interface LedgerReport {
  answered: number;
  delivered: number;
  exactlyOnce: number;
  /** Answered but never delivered by the deadline (status at the deadline → count). */
  undelivered: Record<string, number>;
  /** More than one lead at the provider for one submission. */
  duplicated: number;
  /** DELIVERED, yet no lead at the provider. */
  missing: number;
  /** Submissions that say possibleDuplicate (allowed; counted to show how often it happened). */
  flaggedPossibleDuplicate: number;
}

export interface LeadCounter {
  /** Leads the provider holds with this text. */
  leadsWith(provider: AnsweredSubmission['provider'], text: string): number;
}

export class SubmissionLedger {
  readonly answered: AnsweredSubmission[] = [];
  private sequence = 0;

  /** A text no other submission of this run carries. */
  nextText(label: string): string {
    return `${label} #${process.pid}-${++this.sequence}`;
  }

  /** Waits (bounded) until every answered submission is DELIVERED, then counts what the providers hold. */
  async settle(graphqlUrl: string, counter: LeadCounter, deadlineMs: number): Promise<LedgerReport> {
    const deadline = Date.now() + deadlineMs;
    let states = new Map<string, { status: string; possibleDuplicate: boolean }>();
    for (;;) {
      states = await this.read(graphqlUrl);
      const settled = [...states.values()].filter((state) => state.status === 'DELIVERED' || state.status === 'FAILED').length;
      const waiting = this.answered.length - settled;
      if (waiting === 0 || Date.now() >= deadline) break;
      await delay(500);
    }
    const report: LedgerReport = {
      answered: this.answered.length,
      delivered: 0,
      exactlyOnce: 0,
      undelivered: {},
      duplicated: 0,
      missing: 0,
      flaggedPossibleDuplicate: 0,
    };
    for (const submission of this.answered) {
      const state = states.get(submission.id) ?? { status: 'UNREADABLE', possibleDuplicate: false };
      if (state.possibleDuplicate) report.flaggedPossibleDuplicate++;
      const leads = counter.leadsWith(submission.provider, submission.text);
      if (leads > 1) report.duplicated++;
      if (state.status !== 'DELIVERED') {
        report.undelivered[state.status] = (report.undelivered[state.status] ?? 0) + 1;
        continue;
      }
      report.delivered++;
      if (leads === 0) report.missing++;
      if (leads === 1) report.exactlyOnce++;
    }
    return report;
  }

  private async read(graphqlUrl: string): Promise<Map<string, { status: string; possibleDuplicate: boolean }>> {
    const states = new Map<string, { status: string; possibleDuplicate: boolean }>();
    // A few per request, as aliases (within GRAPHQL_MAX_ALIASES): the soak may have answered thousands.
    for (let start = 0; start < this.answered.length; start += ALIASES_PER_READ) {
      const batch = this.answered.slice(start, start + ALIASES_PER_READ);
      const query = `query { ${batch.map((s, i) => `s${i}: submission(id: ${JSON.stringify(s.id)}) { status possibleDuplicate }`).join(' ')} }`;
      try {
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { data?: Record<string, { status: string; possibleDuplicate: boolean } | null> };
        batch.forEach((s, i) => {
          const state = body.data?.[`s${i}`];
          if (state) states.set(s.id, state);
        });
      } catch {
        // Unreadable this round: read again at the next one.
      }
    }
    return states;
  }
}
