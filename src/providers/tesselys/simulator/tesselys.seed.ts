/**
 * Deterministic demo data for the Tesselys simulator: the same seed always yields the same
 * people and leads (ids included), so tests can pin expectations and the demo looks the same on
 * every start. Every status, source channel and optional-field shape shows up, and createdAt
 * values are all distinct so ordering by it is unambiguous.
 */
import {
  TESSELYS_DOCUMENTED_SOURCE_CHANNELS,
  TESSELYS_DOCUMENTED_STATUSES,
  type TesselysLeadResource,
  type TesselysPerson,
} from './tesselys.documented-api';
import { SeededRandom } from './tesselys.seeded-random';
import { COMPANIES, DESCRIPTIONS, LEAD_INTENTS, PERSON_NAMES, TAGS } from './tesselys.seed-words';

export interface TesselysSeedOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** How many leads (default 64). */
  leadCount?: number;
}

export interface TesselysSeed {
  leads: TesselysLeadResource[];
  people: TesselysPerson[];
}

export const DEFAULT_TESSELYS_SEED = 1;
export const DEFAULT_TESSELYS_LEAD_COUNT = 64;

// Created between these instants; updates stay before UPDATED_BEFORE.
const CREATED_FROM = Date.UTC(2026, 0, 2);
const CREATED_UNTIL = Date.UTC(2026, 10, 14);
const UPDATED_BEFORE = Date.UTC(2026, 10, 20);
const HOUR = 3_600_000;

/** Statuses weighted like a real funnel: most leads are early in it. */
const STATUS_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['NEW', 30],
  ['CONTACTED', 25],
  ['QUALIFIED', 20],
  ['UNQUALIFIED', 15],
  ['CONVERTED', 10],
];

export function generateTesselysSeed(options: TesselysSeedOptions = {}): TesselysSeed {
  const seed = options.seed ?? DEFAULT_TESSELYS_SEED;
  const leadCount = options.leadCount ?? DEFAULT_TESSELYS_LEAD_COUNT;
  if (!Number.isInteger(leadCount) || leadCount < 0) throw new RangeError(`leadCount must be a non-negative integer, got ${leadCount}`);

  const random = new SeededRandom(seed);
  const ids = new UniqueIds(random);
  const people = PERSON_NAMES.map((name) => ({ id: ids.next(), name }));
  const titles = titleCombinations(random);
  const createdAts = distinctCreatedAts(random, leadCount);

  const leads: TesselysLeadResource[] = [];
  for (let i = 0; i < leadCount; i++) {
    const combination = titles[i % titles.length]!;
    const round = Math.floor(i / titles.length);
    // Beyond every intent/company pair, titles repeat with a suffix so they stay distinct.
    const title = `${combination.intent} - ${combination.company}${round > 0 ? ` (${round + 1})` : ''}`;
    // The first few indexes force coverage of every status, channel and optional-field shape.
    const status = i < TESSELYS_DOCUMENTED_STATUSES.length ? TESSELYS_DOCUMENTED_STATUSES[i]! : weightedStatus(random);
    const sourceChannel =
      i < TESSELYS_DOCUMENTED_SOURCE_CHANNELS.length
        ? TESSELYS_DOCUMENTED_SOURCE_CHANNELS[i]!
        : random.chance(0.08)
          ? null
          : random.pick(TESSELYS_DOCUMENTED_SOURCE_CHANNELS);
    const person = i === 4 || random.chance(0.15) ? null : random.pick(people);
    const description = i === 3 || random.chance(0.2) ? null : random.pick(DESCRIPTIONS).replace('{company}', combination.company);
    const tags = random.chance(0.15) ? [] : random.sample(TAGS, random.int(1, 3));
    const isActive = !(i === 7 || random.chance(0.1));
    const createdAt = createdAts[i]!;
    const updatedAt = random.chance(0.5) ? createdAt : Math.min(createdAt + random.int(1, 480) * HOUR, UPDATED_BEFORE);
    leads.push({
      id: ids.next(),
      title,
      personId: person?.id ?? null,
      personName: person?.name ?? null,
      status,
      sourceChannel,
      description,
      tags,
      isActive,
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(updatedAt).toISOString(),
    });
  }
  // Stored oldest first, as a database would have received them.
  leads.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { leads, people };
}

function titleCombinations(random: SeededRandom): Array<{ intent: string; company: string }> {
  const all = LEAD_INTENTS.flatMap((intent) => COMPANIES.map((company) => ({ intent, company })));
  return random.shuffle(all);
}

/** Business-hour instants (UTC-3), on whole minutes, none repeated. */
function distinctCreatedAts(random: SeededRandom, count: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const days = Math.floor((CREATED_UNTIL - CREATED_FROM) / (24 * HOUR));
  while (out.length < count) {
    const day = CREATED_FROM + random.int(0, days - 1) * 24 * HOUR;
    // 11:00-21:59 UTC is 08:00-18:59 in Brasília; past that many leads, widen to the whole day.
    const hour = count > 2000 ? random.int(0, 23) : random.int(11, 21);
    const instant = day + hour * HOUR + random.int(0, 59) * 60_000 + (count > 2000 ? random.int(0, 59_999) : 0);
    if (seen.has(instant)) continue;
    seen.add(instant);
    out.push(instant);
  }
  return out;
}

function weightedStatus(random: SeededRandom): string {
  const total = STATUS_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return STATUS_WEIGHTS[0]![0];
}

class UniqueIds {
  private readonly used = new Set<string>();
  constructor(private readonly random: SeededRandom) {}

  next(): string {
    let id = this.random.cuid();
    while (this.used.has(id)) id = this.random.cuid();
    this.used.add(id);
    return id;
  }
}
