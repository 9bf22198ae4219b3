/**
 * The soak's load: a fixed number of workers, each sending one GraphQL operation at a time (so
 * the load is bounded), mixing every operation over both providers. Before a share of the
 * operations it arms one fault on the simulator route that operation will hit (5xx, 429, a hang,
 * a broken body), and it tallies what the gateway answered by error code. `submitLead` calls
 * carry a unique text and their answered ids go to the ledger (submission-ledger.ts); a fault armed
 * for them hits the delivery worker's POST instead of the answer.
 */
import type { FaultInjector } from '../../src/simulators/fault-injector';
import { MALFORM_KINDS } from '../../src/simulators/fault-injector';
import type { SubmissionLedger } from './submission-ledger';

export interface LoadTarget {
  graphqlUrl: string;
  tesselysFaults: FaultInjector;
  keyspotFaults: FaultInjector;
  /** Ids of leads that exist at Tesselys. */
  tesselysIds: string[];
  /** Where answered submitLead calls are noted. */
  ledger: SubmissionLedger;
}

export interface LoadTally {
  requests: number;
  succeeded: number;
  faultsArmed: number;
  /** GraphQL error codes (and `HTTP <status>` for answers that were not GraphQL), with counts. */
  errorsByCode: Record<string, number>;
}

interface Operation {
  weight: number;
  provider: 'tesselys' | 'keyspot';
  route: string;
  body(ids: string[], ledger: SubmissionLedger): { query: string; variables?: Record<string, unknown> };
}

const SUBMIT = 'mutation SoakSubmit($input: CreateLeadInput!) { submitLead(input: $input) { submission { id } } }';

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

const OPERATIONS: Operation[] = [
  {
    weight: 30,
    provider: 'tesselys',
    route: 'GET /external/v1/leads',
    body: () => ({
      query:
        'query SoakList($first: Int) { leads(first: $first, filter: { provider: TESSELYS }) { totalCount nodes { id title status } } }',
      variables: { first: pick([5, 10, 20]) },
    }),
  },
  {
    weight: 30,
    provider: 'tesselys',
    route: 'GET /external/v1/leads/:id',
    body: (ids) => ({
      query: 'query SoakLead($id: ID!) { lead(id: $id) { id title status } }',
      variables: { id: `tesselys:${pick(ids)}` },
    }),
  },
  {
    weight: 15,
    provider: 'tesselys',
    route: 'POST /external/v1/leads',
    body: () => ({
      query: 'mutation SoakCreateT($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }',
      variables: { input: { provider: 'TESSELYS', title: 'Soak: interesse no plano anual', tags: ['soak'] } },
    }),
  },
  {
    weight: 15,
    provider: 'keyspot',
    route: 'POST /v1/leads',
    body: () => ({
      query: 'mutation SoakCreateK($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }',
      variables: {
        input: {
          provider: 'KEYSPOT',
          description: 'Soak: quero visitar',
          contact: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '11988887777' },
        },
      },
    }),
  },
  {
    weight: 10,
    provider: 'tesselys',
    route: 'PUT /external/v1/leads/:id',
    body: (ids) => ({
      query: 'mutation SoakUpdate($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { lead { id } } }',
      variables: { id: `tesselys:${pick(ids)}`, input: { title: `Soak ${Math.floor(Math.random() * 1000)}` } },
    }),
  },
  {
    weight: 10,
    provider: 'tesselys',
    route: 'POST /external/v1/leads',
    body: (_ids, ledger) => ({
      query: SUBMIT,
      variables: { input: { provider: 'TESSELYS', title: ledger.nextText('Soak submit'), tags: ['soak'] } },
    }),
  },
  {
    weight: 10,
    provider: 'keyspot',
    route: 'POST /v1/leads',
    body: (_ids, ledger) => ({
      query: SUBMIT,
      variables: {
        input: {
          provider: 'KEYSPOT',
          description: ledger.nextText('Soak submit'),
          contact: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '11988887777' },
        },
      },
    }),
  },
];
const TOTAL_WEIGHT = OPERATIONS.reduce((sum, op) => sum + op.weight, 0);

function pickOperation(): Operation {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const op of OPERATIONS) if ((roll -= op.weight) < 0) return op;
  return OPERATIONS[0]!;
}

/** Arms one random fault on the route; skipped while earlier faults still wait (e.g. behind an open circuit). */
function armFault(faults: FaultInjector, route: string): boolean {
  if (faults.pending >= 4) return false;
  const roll = Math.random();
  if (roll < 0.3) faults.failNext({ route, status: 503, body: { statusCode: 503, message: 'Service Unavailable' } });
  else if (roll < 0.45) faults.failNext({ route, status: pick([500, 502, 504]) });
  else if (roll < 0.55) faults.failNext({ route, status: 429, headers: { 'retry-after': pick(['0', '1', '30']) } });
  else if (roll < 0.7) faults.hangNext({ route });
  else faults.malformNext({ route, kind: pick(MALFORM_KINDS) });
  return true;
}

export async function runLoad(
  target: LoadTarget,
  options: { workers: number; faultRate: number; until: () => boolean },
): Promise<LoadTally> {
  const tally: LoadTally = { requests: 0, succeeded: 0, faultsArmed: 0, errorsByCode: {} };
  const count = (code: string) => void (tally.errorsByCode[code] = (tally.errorsByCode[code] ?? 0) + 1);

  async function worker(): Promise<void> {
    while (!options.until()) {
      const op = pickOperation();
      if (Math.random() < options.faultRate) {
        const faults = op.provider === 'tesselys' ? target.tesselysFaults : target.keyspotFaults;
        if (armFault(faults, op.route)) tally.faultsArmed++;
      }
      tally.requests++;
      const request = op.body(target.tesselysIds, target.ledger);
      try {
        const response = await fetch(target.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        });
        const text = await response.text();
        let body:
          { data?: { submitLead?: { submission: { id: string } } }; errors?: Array<{ extensions?: { code?: string } }> } | undefined;
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          body = undefined;
        }
        if (!body) count(`HTTP ${response.status}`);
        else if (!body.errors?.length) tally.succeeded++;
        else for (const error of body.errors) count(error.extensions?.code ?? 'NO_CODE');
        const submitted = body?.data?.submitLead?.submission.id;
        if (submitted) {
          const input = request.variables!.input as { provider: 'KEYSPOT' | 'TESSELYS'; title?: string; description?: string };
          target.ledger.answered.push({ id: submitted, provider: input.provider, text: (input.title ?? input.description)! });
        }
      } catch {
        count('NO_ANSWER');
      }
    }
  }

  await Promise.all(Array.from({ length: options.workers }, () => worker()));
  return tally;
}
