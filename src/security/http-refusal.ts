/**
 * Refusals decided before GraphQL runs (401, 413, 429, a malformed body) still answer in the
 * GraphQL error shape, so a client reads `errors[0].extensions.code` whatever refused it, with the
 * request id to quote.
 */
import type { Response } from 'express';

export function sendRefusal(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  const requestId = res.locals.requestId as string | undefined;
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions, ...(requestId ? { requestId } : {}) } }] }));
}
