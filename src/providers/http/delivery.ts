/**
 * Whether a failed provider call reached the provider (see Delivery in provider.error.ts), from
 * what LeadGraph saw. Code deciding whether a write may be sent again relies on it: `not-sent`
 * only when the provider surely did not act.
 */
import type { Delivery } from '../../errors/provider.error';
import type { UpstreamFaultKind } from '../resilience/upstream-fault';

/** An HTTP answer: 429 is refused before acting, a 5xx may come after acting, any other answer is definite. */
export function deliveryForStatus(status: number): Delivery {
  if (status === 429) return 'not-sent';
  if (status >= 500) return 'maybe-sent';
  return 'sent';
}

/** No answer: only a connection never made proves nothing was sent; our own errors never left. */
export function deliveryForFault(kind: UpstreamFaultKind): Delivery {
  switch (kind) {
    case 'refused':
    case 'local':
      return 'not-sent';
    case 'timeout':
    case 'network':
    case 'unavailable':
      return 'maybe-sent';
    case 'rate-limited':
      return 'not-sent';
    case 'final':
      return 'sent';
  }
}
