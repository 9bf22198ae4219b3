/**
 * The error replies the Tesselys simulator gives, in the NestJS shape `{statusCode, error,
 * message}` (message: a string, or one string per invalid field for validation), so the gateway's
 * error mapping is exercised against one consistent, realistic format.
 */
import type { SimReply } from '../../../simulators/simulator-server';

export function unauthorized(): SimReply {
  return { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid or missing credentials' } };
}

export function badRequest(message: string | string[]): SimReply {
  return { status: 400, body: { statusCode: 400, error: 'Bad Request', message } };
}

export function leadNotFound(): SimReply {
  return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Lead not found' } };
}
