/**
 * One upstream attempt with a deadline. The attempt gets a signal that aborts when the time is up
 * or when the caller's own signal fires (undici then drops the socket), and the returned promise
 * rejects at that moment (UpstreamTimeoutError, or CallerGoneError) even if something below
 * ignores the signal.
 *
 * One controller and one timer per attempt, on purpose: the call's budget is not a parent signal
 * but a shorter deadline (see CallBudget). Why cockatiel's TimeoutPolicy is not used here is in
 * docs/decisions/circuit-breaker-and-bulkhead.md.
 */
import { CallerGoneError, UpstreamTimeoutError } from './upstream-fault';

export function withDeadline<T>(ms: number, attempt: (signal: AbortSignal) => Promise<T>, caller?: AbortSignal): Promise<T> {
  if (caller?.aborted) return Promise.reject(new CallerGoneError('not-sent'));
  if (ms <= 0) return Promise.reject(new UpstreamTimeoutError(ms, 'not-sent'));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const timedOut = new UpstreamTimeoutError(ms);
      reject(timedOut);
      controller.abort(timedOut);
    }, ms);
    const onCallerGone = () => {
      clearTimeout(timer);
      const gone = new CallerGoneError('maybe-sent');
      reject(gone);
      controller.abort(gone);
    };
    caller?.addEventListener('abort', onCallerGone, { once: true });
    const settle = () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerGone);
    };
    let pending: Promise<T>;
    try {
      pending = attempt(controller.signal);
    } catch (error) {
      settle();
      reject(error);
      return;
    }
    pending.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
