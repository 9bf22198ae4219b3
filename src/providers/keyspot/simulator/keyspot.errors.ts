/**
 * Keyspot's error bodies (NestJS style: statusCode, error, message). Kept in one place so every
 * route answers the same shapes and tests can compare against them.
 */
import type { SimReply } from '../../../simulators/simulator-server';

export const INVALID_CREDENTIALS_MESSAGE = 'Invalid client credentials';
export const INVALID_TOKEN_MESSAGE = 'Invalid or expired token';

export function unauthorized(message: string): SimReply {
  return { status: 401, body: { statusCode: 401, error: 'Unauthorized', message } };
}

/** One message per bad field, each starting with the field's name. */
export function badRequest(messages: string[]): SimReply {
  return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: messages } };
}
