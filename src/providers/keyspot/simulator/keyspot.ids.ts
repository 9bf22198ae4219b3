/**
 * Lead ids shaped like Keyspot's (cuid v1: "c" + base-36), so a gateway that assumes anything
 * about id shape (length, alphabet, global-id encoding) is exercised against realistic values.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export class KeyspotIdGenerator {
  private counter = 0;

  /** `cl` + 8 time chars + 4 counter chars + 11 random chars: 25 lowercase alphanumerics. */
  next(nowMs: number): string {
    this.counter = (this.counter + 1) % 36 ** 4;
    const time = Math.max(0, Math.floor(nowMs)).toString(36).padStart(8, '0').slice(-8);
    const count = this.counter.toString(36).padStart(4, '0');
    return `cl${time}${count}${randomChars(11)}`;
  }
}

function randomChars(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}
