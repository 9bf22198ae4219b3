/**
 * The request id for code that never sees the request: Apollo's formatError runs for errors raised
 * before an operation exists (batching refused, CSRF, 406, bad variables), where no context or
 * plugin hook carries the id. The request-id middleware runs the rest of the request inside this
 * store, so the id follows every await and callback of that request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const store = new AsyncLocalStorage<string>();

/** Runs `next` (and everything it schedules) with `requestId` as the current request's id. */
export function runWithRequestId<T>(requestId: string, next: () => T): T {
  return store.run(requestId, next);
}

/** The id of the request being served, or undefined outside one. */
export function currentRequestId(): string | undefined {
  return store.getStore();
}
