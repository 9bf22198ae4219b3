/**
 * Where client and docs meet. The simulators carry the providers' documented values
 * (simulator/*.documented-api.ts, written from the docs) and the clients their own (*.dto.ts and the
 * mappers): this compares the two, so a client that drifts from the docs fails here by name instead
 * of agreeing with a simulator that copied it.
 */
import { LeadSource } from '../../src/leads/enums/lead-source.enum';
import { KEYSPOT_SOURCES } from '../../src/providers/keyspot/keyspot.dto';
import { keyspotSourceFor } from '../../src/providers/keyspot/keyspot.mapper';
import { KEYSPOT_DOCUMENTED_SOURCES } from '../../src/providers/keyspot/simulator/keyspot.documented-api';
import {
  TESSELYS_DOCUMENTED_MAX_LIMIT,
  TESSELYS_DOCUMENTED_ORDER_DIRECTIONS,
  TESSELYS_DOCUMENTED_ORDER_FIELDS,
  TESSELYS_DOCUMENTED_SOURCE_CHANNELS,
  TESSELYS_DOCUMENTED_STATUSES,
} from '../../src/providers/tesselys/simulator/tesselys.documented-api';
import {
  TESSELYS_MAX_LIMIT,
  TESSELYS_ORDER_DIRECTIONS,
  TESSELYS_ORDER_FIELDS,
  TESSELYS_SOURCE_CHANNELS,
  TESSELYS_STATUSES,
} from '../../src/providers/tesselys/tesselys.dto';
import { TESSELYS_ACCEPTED_STATUSES, tesselysSourceChannelFor } from '../../src/providers/tesselys/tesselys.mapper';

const inputSources = Object.values(LeadSource).filter((source) => source !== LeadSource.UNKNOWN);

describe('Keyspot client vs docs', () => {
  test('the client knows exactly the documented sources', () => {
    expect([...KEYSPOT_SOURCES].sort()).toEqual([...KEYSPOT_DOCUMENTED_SOURCES].sort());
  });

  test.each(inputSources)('the client sends LeadSource %s as a documented source', (source) => {
    expect(KEYSPOT_DOCUMENTED_SOURCES).toContain(keyspotSourceFor(source));
  });
});

describe('Tesselys client vs docs', () => {
  test('statuses, source channels, order fields and directions, max page size', () => {
    expect([...TESSELYS_STATUSES].sort()).toEqual([...TESSELYS_DOCUMENTED_STATUSES].sort());
    expect([...TESSELYS_SOURCE_CHANNELS].sort()).toEqual([...TESSELYS_DOCUMENTED_SOURCE_CHANNELS].sort());
    expect([...TESSELYS_ORDER_FIELDS].sort()).toEqual([...TESSELYS_DOCUMENTED_ORDER_FIELDS].sort());
    expect([...TESSELYS_ORDER_DIRECTIONS].sort()).toEqual([...TESSELYS_DOCUMENTED_ORDER_DIRECTIONS].sort());
    expect(TESSELYS_MAX_LIMIT).toBe(TESSELYS_DOCUMENTED_MAX_LIMIT);
  });

  test('every status the gateway lets an update set is a documented status', () => {
    for (const status of TESSELYS_ACCEPTED_STATUSES) expect(TESSELYS_DOCUMENTED_STATUSES).toContain(status);
  });

  test.each(inputSources)('the client sends LeadSource %s as a documented source channel', (source) => {
    expect(TESSELYS_DOCUMENTED_SOURCE_CHANNELS).toContain(tesselysSourceChannelFor(source));
  });
});
