/** Which /graphql requests are Apollo's landing page: the one kind admitted without an API key. */
import type { IncomingMessage } from 'node:http';

/** The GET parameters from which Apollo builds an operation (persisted queries come in `extensions`). */
const OPERATION_PARAMETERS = ['query', 'extensions', 'variables'];

/**
 * A GET that cannot carry an operation. Judged by the URL, not by Accept: a client chooses its
 * Accept header, and one preferring HTML but still accepting JSON would otherwise have its query
 * parsed and validated without a key. The search is read from the first `?` of the raw URL, a
 * superset of what Apollo parses, so any parameter Apollo could see is seen here too.
 */
export function isLandingPageRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '';
  const start = url.indexOf('?');
  if (start < 0) return true;
  const parameters = new URLSearchParams(url.slice(start + 1));
  return !OPERATION_PARAMETERS.some((name) => parameters.has(name));
}
