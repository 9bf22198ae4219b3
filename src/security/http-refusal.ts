/**
 * Refusals decided before GraphQL runs (401, 413, 429, a malformed body) still answer in the
 * GraphQL error shape, so a client reads `errors[0].extensions.code` whatever refused it, with the
 * request id to quote.
 *
 * A refusal sent before the request body was read closes the connection: keeping it alive would
 * mean reading (or waiting for) a body nobody will use, and a client trickling a large body could
 * hold the socket for as long as the server's request timeout allows.
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
  if (res.req && !res.req.complete) res.setHeader('connection', 'close');
  res.end(body);
}
