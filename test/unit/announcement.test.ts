/**
 * Announcements arrive on a channel other programs can write to (a shared Redis, a database's
 * NOTIFY): decoding accepts exactly the two shapes, bounded, and drops anything else.
 */
import { decodeAnnouncement, encodeAnnouncement, MAX_ANNOUNCEMENT_BYTES } from '../../src/announcements/announcement';
import { LeadProvider } from '../../src/leads/enums/lead-provider.enum';

test('what is encoded decodes to itself', () => {
  const revoked = { from: 'replica-1', announcement: { kind: 'api-key-revoked' as const, keyId: '4b1f0c2e-9a7d-4e1b-8f3a-2c6d5e7f8a9b' } };
  const changed = {
    from: 'replica-2',
    announcement: { kind: 'provider-credentials-changed' as const, tenant: 'acme', provider: LeadProvider.TESSELYS },
  };
  expect(decodeAnnouncement(encodeAnnouncement(revoked))).toEqual(revoked);
  expect(decodeAnnouncement(encodeAnnouncement(changed))).toEqual(changed);
});

test.each([
  ['not JSON', '{'],
  ['no sender', JSON.stringify({ announcement: { kind: 'api-key-revoked', keyId: 'k' } })],
  ['an unknown kind', JSON.stringify({ from: 'r', announcement: { kind: 'drop-everything' } })],
  ['a key id with spaces', JSON.stringify({ from: 'r', announcement: { kind: 'api-key-revoked', keyId: 'a b' } })],
  [
    'an unknown provider',
    JSON.stringify({ from: 'r', announcement: { kind: 'provider-credentials-changed', tenant: 'acme', provider: 'EVIL' } }),
  ],
  [
    'a tenant of 129 characters',
    JSON.stringify({ from: 'r', announcement: { kind: 'provider-credentials-changed', tenant: 'a'.repeat(129), provider: 'KEYSPOT' } }),
  ],
  [
    'an oversized message',
    JSON.stringify({ from: 'r', announcement: { kind: 'api-key-revoked', keyId: 'k' }, pad: 'x'.repeat(MAX_ANNOUNCEMENT_BYTES) }),
  ],
  ['null', 'null'],
])('%s is dropped', (_label, text) => {
  expect(decodeAnnouncement(text)).toBeUndefined();
});

test('extra fields are not carried along', () => {
  const text = JSON.stringify({ from: 'r', announcement: { kind: 'api-key-revoked', keyId: 'k', secret: 'x' } });
  expect(decodeAnnouncement(text)).toEqual({ from: 'r', announcement: { kind: 'api-key-revoked', keyId: 'k' } });
});
