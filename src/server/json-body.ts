/**
 * Reads and parses a /graphql request's JSON body up to the configured limit, with body-parser
 * (framework-neutral: it reads a node request and leaves the result on `req.body`). HTTP only: a
 * WebSocket message is bounded by the WebSocket server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import bodyParser from 'body-parser';
import { sendRefusal } from '../security/http-refusal';

export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';
export const BAD_REQUEST = 'BAD_REQUEST';

export type BodyReader = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<{ refused: boolean; body?: unknown }>;

/**
 * The body (undefined when the request has none, or it is not JSON: Apollo then answers as it does
 * for any such request). On refusal (413, 400) the response has been sent and `refused` is true.
 */
export function jsonBodyReader(limitBytes: number): BodyReader {
  const parseJson = bodyParser.json({ limit: limitBytes });
  return (req, res, requestId) =>
    new Promise((resolve, reject) => {
      // A declared length above the limit is refused before reading anything: body-parser would
      // first read (or wait for) the whole body, however slowly it trickles in.
      if (Number(req.headers['content-length']) > limitBytes) {
        sendRefusal(res, requestId, 413, PAYLOAD_TOO_LARGE, 'Request body is too large');
        return resolve({ refused: true });
      }
      parseJson(req, res, (error?: unknown) => {
        if (!error) return resolve({ refused: false, body: (req as IncomingMessage & { body?: unknown }).body });
        const { type, status } = error as { type?: string; status?: number };
        const refuse = (code: number, name: string, message: string) => {
          sendRefusal(res, requestId, code, name, message);
          resolve({ refused: true });
        };
        if (type === 'entity.too.large') return refuse(413, PAYLOAD_TOO_LARGE, 'Request body is too large');
        if (type === 'entity.parse.failed') return refuse(400, BAD_REQUEST, 'Request body is not valid JSON');
        if (status && status >= 400 && status < 500) return refuse(status, BAD_REQUEST, 'Request body could not be read');
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
}
