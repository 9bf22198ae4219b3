/**
 * A fresh idempotency key for one form: 128 random bits as hex. getRandomValues, unlike
 * crypto.randomUUID, also works on a plain-http page that is not localhost.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `inbox-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
