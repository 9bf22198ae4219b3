/**
 * Every request gets an id, taken from `x-request-id` when the caller (or a proxy) sent a sane one,
 * so one operation can be followed across client, gateway and logs. The rest of the request runs
 * inside the request context, for code that only gets an error, never the request.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithRequestId } from './request-context';

const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const id = incoming && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  runWithRequestId(id, next);
}
