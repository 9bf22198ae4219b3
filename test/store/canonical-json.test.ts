/** The request fingerprint behind IDEMPOTENCY_KEY_REUSED: key order never matters, any other change always does. */
import fc from 'fast-check';
import { canonicalJson, requestFingerprint } from '../../src/store/canonical-json';

/** The same JSON value with every object's keys in another (random) order. */
function shuffled(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffled(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, shuffled(item, random)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries);
}

test('the fingerprint does not depend on key order, for every JSON input', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
      let state = seed;
      const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
      expect(requestFingerprint('createLead', shuffled(value, random))).toBe(requestFingerprint('createLead', value));
    }),
  );
});

test('canonical JSON parses back to the same value', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))));
});

test('different inputs or operations give different fingerprints', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      fc.pre(canonicalJson(a) !== canonicalJson(b));
      expect(requestFingerprint('createLead', a)).not.toBe(requestFingerprint('createLead', b));
    }),
  );
  expect(requestFingerprint('createLead', { a: 1 })).not.toBe(requestFingerprint('submitLead', { a: 1 }));
});

test('undefined members are dropped as JSON drops them; nesting and arrays keep their order', () => {
  expect(canonicalJson({ b: [3, { d: 1, c: undefined, a: null }], a: 'x' })).toBe('{"a":"x","b":[3,{"a":null,"d":1}]}');
});
