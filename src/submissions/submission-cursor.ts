/**
 * Cursors of `submissions`: where a page ended (created_at, id), opaque to clients (base64url of
 * JSON). A cursor that does not decode is BAD_USER_INPUT on `after`, never a silent first page.
 */
import { BadUserInputError } from '../errors/bad-user-input.error';
import type { SubmissionPosition } from '../store';

const MAX_CURSOR_LENGTH = 200;

export function encodeSubmissionCursor(position: SubmissionPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeSubmissionCursor(cursor: string): SubmissionPosition {
  const bad = () => BadUserInputError.of('after', 'is not a cursor of `submissions`');
  if (cursor.length > MAX_CURSOR_LENGTH) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isSafeInteger(parsed[0]) || typeof parsed[1] !== 'string') throw bad();
  return { createdAt: parsed[0] as number, id: parsed[1] as string };
}
