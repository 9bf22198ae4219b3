/**
 * Refusals decided before GraphQL runs (401, 413, 429, a malformed body) still answer in the
 * GraphQL error shape, so a client reads `errors[0].extensions.code` whatever refused it, with the
 * request id to quote.
 */
import type { ServerResponse } from 'node:http';

export function sendRefusal(
  res: ServerResponse,
  requestId: string,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions, requestId } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
