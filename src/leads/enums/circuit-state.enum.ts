/** A provider's circuit breaker state, as clients and dashboards see it. */
import { registerEnumType } from 'type-graphql';

export enum CircuitState {
  CLOSED = 'CLOSED',
  OPEN = 'OPEN',
  HALF_OPEN = 'HALF_OPEN',
}

registerEnumType(CircuitState, {
  name: 'CircuitState',
  description: "The state of LeadGraph's circuit breaker for one provider.",
  valuesConfig: {
    CLOSED: { description: 'Calls go through normally.' },
    OPEN: {
      description:
        'The provider failed too many times in a row: calls fail at once with PROVIDER_UNAVAILABLE, without reaching it. After the cooldown, the next call is let through as a probe.',
    },
    HALF_OPEN: { description: 'A probe call is in flight; its outcome closes the circuit or opens it again.' },
  },
});
