/**
 * Every GraphQL request gets an id, taken from `x-request-id` when the caller (or a proxy) sent a
 * sane one, so one operation can be followed across client, gateway and logs. It is echoed in the
 * response header and quoted in every error.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

/** The request's id (the caller's when acceptable, else a new UUID), already set on the response. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}
