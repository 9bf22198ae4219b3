/**
 * One upstream attempt with a deadline. The attempt gets a signal that aborts when the time is up
 * (undici then drops the socket), and the returned promise rejects at that moment with an
 * UpstreamTimeoutError even if something below ignores the signal.
 *
 * cockatiel's TimeoutPolicy did this with two AbortControllers, three abort listeners and an extra
 * race per attempt, plus the budget's own controller and timer: 12.1–12.9 µs per call against
 * 3.8–4.0 µs here (`node dist/bench/deadline-overhead.js`, side by side). AbortSignal work was ~5% of the
 * gateway's CPU profile under bench (c). One controller and one timer are enough because the
 * call's budget is not a parent signal but a shorter deadline (see CallBudget).
 */
import { UpstreamTimeoutError } from './upstream-fault';

export function withDeadline<T>(ms: number, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (ms <= 0) return Promise.reject(new UpstreamTimeoutError(ms));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const timedOut = new UpstreamTimeoutError(ms);
      reject(timedOut);
      controller.abort(timedOut);
    }, ms);
    let pending: Promise<T>;
    try {
      pending = attempt(controller.signal);
    } catch (error) {
      clearTimeout(timer);
      reject(error);
      return;
    }
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
